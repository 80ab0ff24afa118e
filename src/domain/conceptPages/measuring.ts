// Page text for the "Measuring" group. Plain English, UK spelling, short sentences,
// ward examples; written for this app, not copied from anywhere.
import type { ConceptPage } from '../conceptCatalogue'

export const MEASURING_PAGES: ConceptPage[] = [
  {
    id: 'sqdcp-measures',
    version: 1,
    whatItIs:
      'Most improvement boards sort their measures into five areas: safety, quality, people, flow and cost. Each area has one or two measures the team can change. Together they give a balanced view. Doing well in one area should not hide a problem in another.',
    whyOnAWard:
      'It is easy to watch only what you are asked about, like discharges. But rushing discharges can hurt safety or wear staff out. Having all five areas on the board keeps the whole picture in view. It also shows staff that their wellbeing counts as much as the numbers.',
    tryThisWeek:
      'Look at your board and ask: do we have at least one measure for each of the five areas? If one is missing, choose a simple measure for it, like "breaks taken" for people. Record it each day for a week, then talk about what you see.',
    pitfalls: [
      'Too many measures. Three to eight on the board is plenty.',
      'Measures the team cannot change, like figures for the whole hospital.',
      'No target, so nobody knows what good looks like.',
      'Counting things but never talking about them at huddle.',
    ],
    related: ['visual-management', 'safety-cross', 'variation-spc', 'daily-management'],
  },
  {
    id: 'safety-cross',
    version: 1,
    whatItIs:
      'A safety cross is a calendar for one month, often drawn in the shape of a cross. Each day is coloured in: green for no harm, amber for a near miss, red for harm. It is one of the simplest ways to track safety. Over time, the colours show patterns that are easy to miss.',
    whyOnAWard:
      'Falls, pressure sores and drug errors often bunch on certain days or shifts. A safety cross shows that to the whole team in seconds. It also lets the team enjoy a long run of green days, which lifts spirits.',
    tryThisWeek:
      'Pick one harm your ward cares about, like falls. At each huddle, colour in yesterday. When a day turns amber or red, spend two minutes on what happened and what might stop it next time. At the end of the week, look for a pattern.',
    pitfalls: [
      'Colouring days in but never talking about the red ones.',
      'Hiding near misses to keep the cross green. Near misses help you learn.',
      'Using colour alone, with no mark for staff who cannot tell colours apart.',
      'Tracking too many kinds of harm on one cross.',
    ],
    related: ['visual-management', 'sqdcp-measures', 'root-cause', 'variation-spc'],
  },
  {
    id: 'variation-spc',
    version: 1,
    whatItIs:
      'Every measure goes up and down a bit from day to day. That is normal variation, or noise. Statistical process control (SPC) is a way to tell noise from a real change. You plot the data over time and add limits worked out from the data itself. Points outside the limits, or long runs on one side of the middle, mean something has changed.',
    whyOnAWard:
      'Without this, teams react to every bad day. They hold a meeting about one high number that was only noise. Or they miss a slow change that is real. Knowing the difference saves effort. It also shows when a change you made has really worked.',
    tryThisWeek:
      'Take one measure with at least 15 days of data, like discharges before noon. Draw it as a line over time and mark the middle value. Count the days in a row that sit above or below the middle. Seven or more in a row on one side is a sign of a real change.',
    pitfalls: [
      'Comparing this month with last month only. Two numbers cannot show a trend.',
      'Treating every high or low day as a crisis.',
      'Setting limits from a target instead of from the data.',
      'Changing how you count halfway through, which breaks the chart.',
    ],
    related: ['sqdcp-measures', 'pdsa', 'safety-cross', 'a3-thinking'],
  },
]
