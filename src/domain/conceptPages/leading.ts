// Page text for the "Leading" group. Plain English, UK spelling, short sentences, ward
// examples; written for this app, not copied from anywhere.
import type { ConceptPage } from '../conceptCatalogue'

export const LEADING_PAGES: ConceptPage[] = [
  {
    id: 'gemba',
    version: 1,
    whatItIs:
      'Gemba is a Japanese word for "the real place", where the work happens. Going to the gemba means leaders go to the ward to see, ask and listen, instead of relying on reports. Leader rounding is a planned, regular visit with a few set questions. The aim is to understand problems and help staff fix them.',
    whyOnAWard:
      'Reports and meetings hide how the work really feels. A leader who stands by the drugs trolley during a round learns more than any spreadsheet can show. Staff see that leaders care about their problems and are there to help, not to judge.',
    tryThisWeek:
      'If you lead a team, spend ten minutes on the ward at a set time. Ask one person: "What got in your way today?" Listen without jumping to a fix. Write it down, and tell them by the end of the week what you did about it.',
    pitfalls: [
      'Turning the visit into an inspection.',
      'Asking questions but not acting on the answers.',
      'Only visiting when something has gone wrong.',
      'Talking more than listening.',
    ],
    related: ['leader-standard-work', 'respect-for-people', 'kamishibai', 'root-cause'],
  },
  {
    id: 'respect-for-people',
    // 2: a plainer summary (reading-age check, scripts/readingAge.ts).
    version: 2,
    whatItIs:
      'Respect for people is the base of the whole method. It means seeing staff as the experts in their own work and the best people to improve it. It means talking about mistakes without blame, so people feel safe to speak up. It also means looking after staff, with breaks, safe staffing and thanks.',
    whyOnAWard:
      'People who feel blamed hide problems, and hidden problems harm patients. People who feel heard raise ideas and stay longer. Every idea in this library works better in a team where people trust each other.',
    tryThisWeek:
      'At each huddle this week, thank one person by name for something they did. When a problem is raised, ask "what in the way we work let this happen?" rather than "who did this?". Notice whether more problems get raised by the end of the week.',
    pitfalls: [
      'Saying "no blame" but still looking for someone to blame.',
      'Asking for ideas but never saying what happened to them.',
      'Treating respect as being nice, rather than listening and acting.',
      'Forgetting bank, agency and support staff.',
    ],
    related: ['stop-the-line', 'everyday-ideas', 'gemba', 'tri-team-leadership'],
  },
  {
    id: 'tri-team-leadership',
    // 2: a plainer summary (reading-age check, scripts/readingAge.ts).
    version: 2,
    whatItIs:
      'In tri-team leadership, a service is led by three people together: a doctor, a nurse or therapist, and a manager. A dyad is the same idea with two leaders. They share decisions and speak with one voice. Each brings a different view of the same service.',
    whyOnAWard:
      'Problems on a ward rarely belong to one profession. A late discharge can involve medical notes, nursing care and bed managers. When leaders from each side work as one, problems get solved faster and staff hear the same message.',
    tryThisWeek:
      'If you are a leader, book ten minutes this week with the partner leaders from the other professions. Look at your board together. Agree one problem you will tackle as a team, and how each of you will help.',
    pitfalls: [
      'One leader makes the decisions while the others just sign them off.',
      'Mixed messages to staff from different leaders.',
      'Never meeting as a group, only one to one.',
      'The ward team is unsure who to go to.',
    ],
    related: ['respect-for-people', 'strategy-deployment', 'tiered-huddles', 'gemba'],
  },
  {
    id: 'strategy-deployment',
    version: 1,
    whatItIs:
      'Strategy deployment links the hospital\u2019s few big goals to the work of each team. Catch-ball is how the goals are agreed. Leaders pass a draft goal down. Teams say what they can do and what they need, and pass it back up. The goal goes back and forth, like a ball, until everyone agrees. Each team then knows how its work helps the bigger aim.',
    whyOnAWard:
      'Without it, wards get many goals from many places, and none feel like their own. With catch-ball, the ward helps shape its goal and says what help it needs. The measures on the board then link to what the hospital is trying to do.',
    tryThisWeek:
      'Find out one goal your service or hospital has for this year. At huddle, ask: which measure on our board helps with this goal? If none does, talk about what the ward could do, and send that idea back up to your leaders.',
    pitfalls: [
      'Goals handed down with no chance to answer back.',
      'Too many goals, so none gets real focus.',
      'Goals that never reach the ward board.',
      'No check on progress until the end of the year.',
    ],
    related: ['tiered-huddles', 'a3-thinking', 'tri-team-leadership', 'sqdcp-measures'],
  },
]
