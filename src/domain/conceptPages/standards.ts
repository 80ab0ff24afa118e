// Page text for the "Standard work" group. Plain English, UK spelling, short sentences,
// ward examples; written for this app, not copied from anywhere.
import type { ConceptPage } from '../conceptCatalogue'

export const STANDARDS_PAGES: ConceptPage[] = [
  {
    id: 'standard-work',
    version: 1,
    whatItIs:
      'Standard work is the best way we know to do a task today, written down. Everyone then does it the same way. It covers the steps, the order, and the key points that keep patients safe. When someone finds a better way, the standard is changed, so it keeps getting better.',
    whyOnAWard:
      'When each person does a task their own way, results vary and mistakes slip in. A clear standard helps new and bank staff fit in fast. It also gives a place to start improving. You cannot improve a task that is done differently every time.',
    tryThisWeek:
      'Pick one task done many times a day, like checking the resus trolley. Ask two or three people to show you how they do it. Agree the best steps together and write them on one page. Try it for a week, then ask what needs to change.',
    pitfalls: [
      'Writing it in an office without the people who do the work.',
      'Long documents nobody reads. Use one page, with pictures if you can.',
      'Treating it as fixed for ever. Change it when you find a better way.',
      'Using it to blame people instead of to find problems with the task.',
    ],
    related: ['leader-standard-work', 'kamishibai', 'five-s', 'mistake-proofing'],
  },
  {
    id: 'leader-standard-work',
    version: 1,
    whatItIs:
      'Leader standard work is a leader\u2019s own routine, written down. It lists what they check each day, week and month, like the board, the huddle and a walk round the ward. It is checked and improved like any other standard. It turns good plans into a habit.',
    whyOnAWard:
      'Ward leaders are pulled in many directions. Without a routine, urgent jobs push out important ones, and checks get missed. A written routine makes clear what matters most. It also shows staff that leaders follow standards too.',
    tryThisWeek:
      'Write down three things you will do at set times each day, such as "go to the huddle at 9:00" and "check two care plans at 14:00". Put the list where you will see it. Tick each one as you do it, and note why when you cannot.',
    pitfalls: [
      'A list so long that nobody could finish it.',
      'Only ticking boxes, without looking or asking questions.',
      'Never changing the list when the ward changes.',
      'Keeping it private. Sharing it helps others cover and learn.',
    ],
    related: ['standard-work', 'gemba', 'kamishibai', 'daily-management'],
  },
  {
    id: 'kamishibai',
    version: 1,
    whatItIs:
      'Kamishibai is a simple way to check that standards are followed. Each check is written on a card, like "Is the sharps bin below the fill line?". Each day, someone picks a card and checks in person. The card is turned to show green if all was well, or red if not. The name is a Japanese word for telling stories with picture cards.',
    whyOnAWard:
      'Standards slip quietly over time. Audits come too late and feel like being inspected. Quick daily checks catch slips early, and the problems found become things to fix together. Staff also learn the standard by doing the checks.',
    tryThisWeek:
      'Write five cards, each with one yes-or-no question about a standard on your ward. Put them on a board. Each day, one person picks a card and checks it in two minutes. If the answer is no, fix it now if you can, and raise it at huddle.',
    pitfalls: [
      'Using the checks to catch people out. Check the task, not the person.',
      'Questions that are vague or take too long to check.',
      'Finding problems but never fixing them.',
      'Only the manager ever does the checks.',
    ],
    related: ['standard-work', 'leader-standard-work', 'visual-management', 'gemba'],
  },
  {
    id: 'five-s',
    version: 1,
    whatItIs:
      '5S is a way to organise a work area so things are easy to find and problems are easy to see. The five steps are sort, set in order, shine, standardise and sustain. Sort means remove what you do not need. Set in order means give everything a home. Shine means clean and check. The last two mean agree how it should look, and keep it that way.',
    whyOnAWard:
      'Nurses spend a lot of time looking for things: the bladder scanner, the right dressing, a pump that works. A clean, labelled store room or sluice saves minutes every shift. It also makes missing or out-of-date stock easy to spot.',
    tryThisWeek:
      'Pick one drawer or shelf, not a whole room. Take everything out. Throw away or send back what is not needed. Put the rest back with a label for each item. Ask the team to try it for a week and say what they would change.',
    pitfalls: [
      'Doing a big clear-out once, then letting it slip back.',
      'One person doing it alone, so others do not know where things live.',
      'Labelling everything but not agreeing who keeps it tidy.',
      'Starting with a whole store room and running out of time.',
    ],
    related: ['visual-management', 'standard-work', 'eight-wastes', 'kamishibai'],
  },
  {
    id: 'mistake-proofing',
    version: 1,
    whatItIs:
      'Mistake-proofing means designing a task so errors are hard to make, or easy to spot at once. A plug that only fits one way is an example. So is a form that will not move on until a check is done. It does not rely on people trying harder. It changes the design so the right way is the easy way.',
    whyOnAWard:
      'People make mistakes, most of all when tired or busy. Telling them to be more careful rarely helps. A better design keeps patients safe even on a hard shift. Many safety changes, like special syringes that only fit one kind of line, are mistake-proofing.',
    tryThisWeek:
      'Think of one mistake that has happened more than once, like a dose given late. Ask: what could make this hard to get wrong? Try a small change, like a coloured label or a reminder on the chart. Check for a week whether it helped.',
    pitfalls: [
      'Adding warnings and signs that people soon stop seeing.',
      'Blaming the person instead of looking at the design.',
      'Making a task so awkward that staff find a way round it.',
      'Not testing the change with the people who do the task.',
    ],
    related: ['standard-work', 'root-cause', 'stop-the-line', 'pdsa'],
  },
  {
    id: 'stop-the-line',
    version: 1,
    whatItIs:
      'Stop the line means anyone can pause the work when they see a risk to a patient. They raise the alarm, and others come to help at once. The problem is fixed, or made safe, before work carries on. The idea comes from factories, where any worker could stop the line.',
    whyOnAWard:
      'Junior staff and students often see problems but do not feel able to speak up. A clear "stop the line" rule says they should, and that they will be thanked. Catching a risk before harm is far better than learning from it after.',
    tryThisWeek:
      'At huddle, agree the words anyone can use to pause care, like "Please stop, I have a safety concern". Agree who comes to help. The next time someone uses them, thank them in front of the team, whatever the outcome.',
    pitfalls: [
      'Saying anyone can stop, then reacting badly when they do.',
      'Stopping the work but never finding the cause.',
      'No clear person to call, so the pause leads nowhere.',
      'Only senior staff feel able to use it.',
    ],
    related: ['respect-for-people', 'mistake-proofing', 'root-cause', 'tiered-huddles'],
  },
]
