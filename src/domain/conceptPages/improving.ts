// Page text for the "Improvement" group. Plain English, UK spelling, short sentences,
// ward examples; written for this app, not copied from anywhere.
import type { ConceptPage } from '../conceptCatalogue'

export const IMPROVING_PAGES: ConceptPage[] = [
  {
    id: 'eight-wastes',
    version: 1,
    whatItIs:
      'Waste is anything that takes time or effort but does not help the patient. There are eight kinds: defects, making too much, waiting, unused talent, moving things, too much stock, walking and reaching, and extra steps. Learning the eight helps you see waste you had stopped noticing.',
    whyOnAWard:
      'Waste takes time away from patient care. Walking to a far store room, waiting for a porter, and writing the same thing in two places all add up. Removing waste gives time back to nurses without anyone working harder.',
    tryThisWeek:
      'Spend ten minutes watching one task, like a drug round. Keep a tally of each waste you see: walking, waiting, searching, doing things twice. Share the tally at huddle and pick one waste to tackle first.',
    pitfalls: [
      'Treating people as the waste. The waste is in the way the work is set up.',
      'Trying to remove all waste at once.',
      'Counting waste but not asking why it happens.',
      'Cutting steps that looked wasteful but kept patients safe.',
    ],
    related: ['five-s', 'flow', 'value-stream-mapping', 'everyday-ideas'],
  },
  {
    id: 'everyday-ideas',
    version: 1,
    whatItIs:
      'Everyday improvement means small changes made by the people who do the work. Anyone can raise an idea. The team tests it quickly and keeps it if it works. The Japanese word kaizen means change for the better. Many small changes add up to a big difference.',
    whyOnAWard:
      'Staff on the ward know the problems best. Big projects take months, but a small idea can be tried tomorrow. When people see their own ideas put in place, they are more likely to raise the next one.',
    tryThisWeek:
      'Put up an ideas sheet by the board. Ask each person to write one thing that gets in their way at work. At huddle, pick one idea the team can test in a day, and agree who will try it. Report back at the next huddle.',
    pitfalls: [
      'Collecting ideas but never acting on them.',
      'Waiting for perfect ideas. Small and quick is fine.',
      'The manager chooses and does everything.',
      'Forgetting to say thank you when an idea works.',
    ],
    related: ['pdsa', 'eight-wastes', 'respect-for-people', 'daily-management'],
  },
  {
    id: 'pdsa',
    version: 1,
    whatItIs:
      'PDSA stands for plan, do, study, act. Plan a small test and predict what will happen. Do the test, small and quick. Study the results and compare them with what you predicted. Act: keep the change, adapt it, or drop it. Then start the next cycle.',
    whyOnAWard:
      'Big changes made all at once often fail, and then nobody knows why. Small tests are safe and quick. Testing with one patient, one shift or one nurse lets you learn before you spread a change across the ward.',
    tryThisWeek:
      'Choose one small change, like a new handover sheet. Write down what you think will happen. Test it on one shift. The next day, ask the people who used it how it went, and compare with what you predicted. Decide what to do next.',
    pitfalls: [
      'Skipping the prediction, so there is nothing to learn from.',
      'Tests that are too big, like a whole ward for a month.',
      'Doing one cycle and stopping.',
      'Not writing down what you found, so the learning is lost.',
    ],
    related: ['everyday-ideas', 'a3-thinking', 'variation-spc', 'root-cause'],
  },
  {
    id: 'root-cause',
    version: 1,
    whatItIs:
      'Finding the root cause means looking past the first answer to the real reason a problem happened. A simple way is to ask "why?" about five times. Each answer leads to the next question. When the answer is something you can change in the way you work, you have likely found a root cause.',
    whyOnAWard:
      'If you only fix what you can see, the problem comes back. A patient fell because the call bell was out of reach. Why? The bed was moved for cleaning. Why was it not put back? There is no step to check it. The fix is in the process, not in telling staff to be careful.',
    tryThisWeek:
      'Take one problem from this week\u2019s board, like a missed dose. With two or three colleagues, write the problem at the top of a page. Ask why, and write the answer. Keep going until you reach something the team can change. Agree one action.',
    pitfalls: [
      'Stopping at "human error". Ask why the error was easy to make.',
      'Looking for someone to blame.',
      'Guessing at causes without going to see.',
      'Finding one cause when there are several.',
    ],
    related: ['pdsa', 'a3-thinking', 'mistake-proofing', 'gemba'],
  },
  {
    id: 'a3-thinking',
    version: 1,
    whatItIs:
      'A3 thinking is a way to work through a problem on one large sheet of paper, the size called A3. The sheet tells a story: the background, what is happening now, the goal, the causes, the plan, and how you will check it worked. Keeping it to one page makes you think clearly. The sheet is also used to talk with others and hear their ideas.',
    whyOnAWard:
      'Problems on a ward involve many people: nurses, doctors, therapists and managers. An A3 puts the whole story on one page they can all read. It stops the rush to a fix until the cause is clear. It also makes it easy to share what was learnt with other wards.',
    tryThisWeek:
      'Take a problem you have already talked about at huddle. On one sheet, fill in just three boxes: what is happening now, what should happen, and why you think there is a gap. Show it to two colleagues and ask what is missing.',
    pitfalls: [
      'Filling in the boxes alone at a desk.',
      'Jumping to the plan before the causes are clear.',
      'Too many words. Use pictures, charts and short points.',
      'Treating it as a form to finish rather than a way to think.',
    ],
    related: ['pdsa', 'root-cause', 'strategy-deployment', 'rpiw'],
  },
  {
    id: 'rpiw',
    version: 1,
    whatItIs:
      'A rapid process improvement workshop is a focused event, often a few days long. A small team, with front-line staff in it, is freed from other work to redesign one process. They study how it works now, test changes on the spot, and measure the results. Checks in the weeks after make sure the changes stick.',
    whyOnAWard:
      'Some problems are too big for a quick idea, like how patients move from A&E to the ward. A workshop gives the right people time together to fix it properly. Ward staff bring what they know about the real work.',
    tryThisWeek:
      'You cannot run a workshop in ten minutes, but you can get ready for one. Pick a process that causes the ward trouble every week. Start to collect simple data on it, like how long each step takes. Ask your improvement team whether it needs a workshop.',
    pitfalls: [
      'Choosing a process that is too big for the time.',
      'No front-line staff in the team.',
      'Great changes in the week, then no follow-up.',
      'Not freeing people from their normal work.',
    ],
    related: ['value-stream-mapping', 'a3-thinking', 'pdsa', 'flow'],
  },
]
