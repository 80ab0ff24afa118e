// Page text for the "Daily management" group. Plain English, UK spelling, short
// sentences, ward examples; written for this app, not copied from anywhere.
import type { ConceptPage } from '../conceptCatalogue'

export const DAILY_PAGES: ConceptPage[] = [
  {
    id: 'daily-management',
    version: 1,
    whatItIs:
      'Daily management is a short routine the team does every day. You look at how yesterday went, plan for today, and pick up small problems before they grow. It uses a board, a huddle and a few clear measures.',
    whyOnAWard:
      'A ward changes hour by hour. Staff move, patients come and go, and small problems pile up. A daily routine gives everyone the same picture at the start of the shift. A problem raised today gets an owner today, not at next month\u2019s meeting.',
    tryThisWeek:
      'Stand by the board for ten minutes at the same time each day. Ask three questions. How did yesterday go? What could go wrong today? What help do we need? Write one action with a name and a date. The next day, start by checking that action.',
    pitfalls: [
      'Letting the huddle turn into a long meeting. Keep it short and standing.',
      'Only the nurse in charge talks. Ask the quietest person first.',
      'Writing actions with no name or date, so nothing happens.',
      'Skipping it on busy days, when it matters most.',
    ],
    related: ['tiered-huddles', 'visual-management', 'sqdcp-measures', 'leader-standard-work'],
  },
  {
    id: 'tiered-huddles',
    version: 1,
    whatItIs:
      'Tiered huddles link short meetings at different levels. The ward huddles first. Then ward leaders meet with the wider service, and the service meets with the hospital. Each level deals with what it can and passes the rest up. The answer comes back down the same day.',
    whyOnAWard:
      'Some problems are too big for one ward, like a broken lift or too few porters. Without a clear way up, staff work around them for weeks. Tiered huddles give the ward a way to ask for help and hear back. Staff see that raising a problem leads somewhere.',
    tryThisWeek:
      'At your huddle, pick one problem the team cannot fix alone. Agree who will take it to the next huddle up, and by when. Mark it on the board as passed up. At the next ward huddle, say what answer came back, even if it is "not yet".',
    pitfalls: [
      'Passing everything up, instead of fixing what the team can fix.',
      'Problems go up but no answer ever comes back.',
      'Huddles at each level clash in time, so people cannot go to both.',
      'Raising a problem feels like blame. Thank people for raising things.',
    ],
    related: ['daily-management', 'stop-the-line', 'strategy-deployment', 'visual-management'],
  },
  {
    id: 'visual-management',
    version: 1,
    whatItIs:
      'Visual management means showing how things should be next to how they are. Then anyone can see at a glance if something is wrong. A board, a coloured chart or a marked space on a shelf can all do this. Good visual management can be understood in a few seconds.',
    whyOnAWard:
      'Nurses have little time to read reports. A red day on the board, or an empty marked space where a pump should be, tells the story in a second. It helps new and bank staff too. They can see what normal looks like without asking.',
    tryThisWeek:
      'Pick one thing that often goes missing, like a blood pressure machine. Mark its home with tape and a label with a picture. Each day at huddle, ask: is it there? If not, ask why, and write down what you learn.',
    pitfalls: [
      'Boards full of old notices that nobody reads.',
      'Using colour alone. Add a shape, tick or word for people who cannot tell colours apart.',
      'Showing data but never acting on it.',
      'Making displays look nice instead of making problems easy to see.',
    ],
    related: ['five-s', 'safety-cross', 'daily-management', 'sqdcp-measures'],
  },
]
