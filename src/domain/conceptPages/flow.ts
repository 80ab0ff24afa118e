// Page text for the "Flow" group. Plain English, UK spelling, short sentences, ward
// examples; written for this app, not copied from anywhere.
import type { ConceptPage } from '../conceptCatalogue'

export const FLOW_PAGES: ConceptPage[] = [
  {
    id: 'flow',
    version: 1,
    whatItIs:
      'Flow means patients, tasks and information move on smoothly from one step to the next, without waiting. Good flow has few queues and few hand-offs. Poor flow shows up as delays, crowded areas and work piling up. Better flow usually comes from removing the waits between steps.',
    whyOnAWard:
      'A patient waiting for a discharge letter keeps a bed from the next patient. Waits add risk and upset patients and staff. Small fixes, like planning discharge from the day a patient arrives, free up beds and time.',
    tryThisWeek:
      'Follow one patient\u2019s discharge on paper for a day. Note each step and how long they waited between steps. Share the longest wait at huddle and ask what causes it. Agree one thing to try.',
    pitfalls: [
      'Rushing people instead of removing the waits.',
      'Speeding up one step and moving the queue to the next.',
      'Looking only at the ward, when delays start elsewhere.',
      'Looking at averages and missing the long waits.',
    ],
    related: ['pull', 'takt-time', 'value-stream-mapping', 'eight-wastes'],
  },
  {
    id: 'pull',
    version: 1,
    whatItIs:
      'Pull means the next step asks for work when it is ready for it. Work is not pushed onto it before it can cope. For stock, pull means you top up what was used, not what you guess you need. For patients, the ward pulls the next patient when a bed is ready.',
    whyOnAWard:
      'Pushing work makes piles: too much stock in one place and none in another, or patients sent up before the bed is ready. Pull keeps things balanced. A simple two-box system for stock means you do not run out and do not order too much.',
    tryThisWeek:
      'Pick one item that often runs out, like gloves in a bay. Set up two boxes. Use from the front one. When it is empty, that is the signal to refill it while you use the second. At the end of the week, check whether you ran out.',
    pitfalls: [
      'Setting up the signal, but nobody knows who acts on it.',
      'Keeping extra stock "just in case", which hides the problem.',
      'Using pull in one place while the rest still pushes.',
      'Never checking the amounts as demand changes.',
    ],
    related: ['flow', 'takt-time', 'five-s', 'value-stream-mapping'],
  },
  {
    id: 'takt-time',
    version: 1,
    whatItIs:
      'Takt time is the pace you need to work at to keep up with demand. You work it out by dividing the time you have by the number of patients or tasks you expect. Takt is a German word for the beat in music. If each task takes longer than the takt time, a queue builds up.',
    whyOnAWard:
      'Say the ward expects 12 admissions in a 12-hour day. That is one every hour. If each admission takes 90 minutes of nurse time, the team will fall behind unless the work is shared or steps are cut. Takt time turns a feeling of "too busy" into a number you can plan with.',
    tryThisWeek:
      'Count how many patients your ward admitted each day last week. Work out how many that is per hour, for the hours they arrive. Compare that with how long one admission really takes. Talk at huddle about what the gap means.',
    pitfalls: [
      'Using it to push staff to work faster.',
      'Forgetting that demand changes by day and by hour.',
      'Working it out once and never again.',
      'Mixing up takt time with how long a task takes.',
    ],
    related: ['flow', 'pull', 'variation-spc', 'value-stream-mapping'],
  },
  {
    id: 'value-stream-mapping',
    version: 1,
    whatItIs:
      'A value stream map is a drawing of every step in a process, from start to end. For a patient, that could be from arrival to going home. Under each step you note how long it takes and how long people wait before it. The map shows where time is lost, so you know where to start.',
    whyOnAWard:
      'Most of a patient\u2019s time in hospital is spent waiting, not being treated. Staff see only their own part of the journey. Drawing the whole journey together shows the big delays that no one person can see.',
    tryThisWeek:
      'With two colleagues, draw the steps of one process on a long sheet of paper, such as getting a patient\u2019s medicines to take home. Use one sticky note for each step. Add the wait before each step, as best you know it. Circle the longest wait.',
    pitfalls: [
      'Drawing how the process should work, not how it really works.',
      'Mapping in a meeting room without going to see.',
      'Too much detail, so the big picture is lost.',
      'Making a map but not acting on it.',
    ],
    related: ['flow', 'eight-wastes', 'rpiw', 'pull'],
  },
]
