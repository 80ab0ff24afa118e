import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { useActorStore } from '@/stores/actor'
import { useOrgStore } from '@/stores/org'
import BoardView from '@/views/BoardView.vue'

// The board is the landing screen and is bundled with the shell so it paints without
// a second round trip; every other screen is its own chunk.
const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/board' },
  {
    path: '/setup',
    name: 'setup',
    component: () => import('@/views/SetupView.vue'),
    meta: { title: 'Set up your board', noSetupNeeded: true },
  },
  { path: '/board', name: 'board', component: BoardView, meta: { title: 'Board' } },
  {
    path: '/board/measures',
    name: 'measures',
    component: () => import('@/views/MeasuresView.vue'),
    meta: { title: 'Measures' },
  },
  {
    path: '/board/measures/starter',
    name: 'starter-board',
    component: () => import('@/views/StarterBoardView.vue'),
    meta: { title: 'Start from a ready-made set' },
  },
  {
    path: '/board/huddle',
    name: 'huddle',
    component: () => import('@/views/HuddleView.vue'),
    meta: { title: 'Huddle', fullScreen: true },
  },
  {
    path: '/board/actions',
    name: 'actions',
    component: () => import('@/views/ActionsView.vue'),
    meta: { title: 'Actions' },
  },
  { path: '/board/ideas', name: 'ideas', component: () => import('@/views/IdeasView.vue'), meta: { title: 'Ideas' } },
  {
    path: '/board/ideas/new',
    name: 'log-idea',
    component: () => import('@/views/IdeaCaptureView.vue'),
    meta: { title: 'Log an idea' },
  },
  {
    path: '/board/ideas/you-said-we-did',
    name: 'you-said-we-did',
    component: () => import('@/views/IdeaYouSaidView.vue'),
    meta: { title: 'You said, we did', fullScreen: true },
  },
  {
    path: '/board/ideas/:id',
    name: 'idea',
    component: () => import('@/views/IdeaDetailView.vue'),
    meta: { title: 'Idea' },
  },
  {
    path: '/board/ideas/:id/certify',
    name: 'idea-certify',
    component: () => import('@/views/CertifySubmitView.vue'),
    meta: { title: 'Put forward for LIM certification' },
  },
  {
    path: '/certification',
    name: 'certification',
    component: () => import('@/views/CertificationsView.vue'),
    meta: { title: 'LIM certification', noSetupNeeded: true },
  },
  {
    path: '/certification/criteria',
    name: 'certification-criteria',
    component: () => import('@/views/CertCriteriaView.vue'),
    meta: { title: 'Certification criteria', noSetupNeeded: true },
  },
  {
    path: '/certification/:id/certificate',
    name: 'certificate',
    component: () => import('@/views/CertificateView.vue'),
    meta: { title: 'Certificate', fullScreen: true, noSetupNeeded: true },
  },
  {
    path: '/certification/:id',
    name: 'certification-submission',
    component: () => import('@/views/CertificationView.vue'),
    meta: { title: 'Improvement put forward for certification', noSetupNeeded: true },
  },
  {
    path: '/coaching',
    name: 'coaching',
    component: () => import('@/views/CoachingView.vue'),
    meta: { title: 'Coaching', noSetupNeeded: true },
  },
  {
    path: '/board/ideas/:id/a3',
    name: 'idea-a3',
    component: () => import('@/views/IdeaA3View.vue'),
    meta: { title: 'Idea A3 summary', fullScreen: true },
  },
  // A problem-solving A3 for an idea or an escalation: its own chunk.
  {
    path: '/problem-a3/:kind(idea|escalation)/:id',
    name: 'problem-a3',
    component: () => import('@/views/ProblemA3View.vue'),
    meta: { title: 'Problem-solving A3', fullScreen: true },
  },
  {
    path: '/problem-a3/:kind(idea|escalation)/:id/edit',
    name: 'problem-a3-edit',
    component: () => import('@/views/ProblemA3EditView.vue'),
    meta: { title: 'Write the problem-solving A3' },
  },
  {
    path: '/board/standard-work',
    name: 'standard-work',
    component: () => import('@/views/StandardWorkView.vue'),
    meta: { title: 'Standard work' },
  },
  {
    path: '/board/standard-work/templates/:id?',
    name: 'standard-work-template',
    component: () => import('@/views/StandardWorkTemplateView.vue'),
    meta: { title: 'Checklist' },
  },
  {
    path: '/board/standard-work/:runId',
    name: 'standard-work-run',
    component: () => import('@/views/StandardWorkRunView.vue'),
    meta: { title: 'Doing a checklist' },
  },
  {
    path: '/board/wall',
    name: 'wall',
    component: () => import('@/views/WallView.vue'),
    meta: { title: 'Wall view', fullScreen: true },
  },
  {
    path: '/board/idea-poster',
    name: 'idea-poster',
    component: () => import('@/views/IdeaPosterView.vue'),
    meta: { title: 'Idea link poster', fullScreen: true },
  },
  {
    path: '/board/print',
    name: 'print',
    component: () => import('@/views/PrintView.vue'),
    meta: { title: 'Print the board', fullScreen: true },
  },
  // Manager trends: SPC roll-up and one measure's chart; Chart.js loads with the chart only.
  { path: '/trends', name: 'trends', component: () => import('@/views/TrendsView.vue'), meta: { title: 'Trends' } },
  {
    path: '/trends/measure/:measureId',
    name: 'measure-trend',
    component: () => import('@/views/MeasureTrendView.vue'),
    meta: { title: 'Measure trend' },
  },
  {
    path: '/escalations',
    name: 'escalations',
    component: () => import('@/views/EscalationsView.vue'),
    meta: { title: 'Escalations' },
  },
  // Strategy deployment: goals at each tier and their catch-ball; its own chunk.
  { path: '/goals', name: 'goals', component: () => import('@/views/GoalsView.vue'), meta: { title: 'Goals' } },
  {
    path: '/goals/deployment',
    name: 'goal-deployment',
    component: () => import('@/views/GoalDeploymentView.vue'),
    meta: { title: 'Goal deployment' },
  },
  {
    path: '/goals/new',
    name: 'goal-new',
    component: () => import('@/views/GoalFormView.vue'),
    meta: { title: 'Set a goal' },
  },
  {
    path: '/goals/:id/edit',
    name: 'goal-edit',
    component: () => import('@/views/GoalFormView.vue'),
    meta: { title: 'Change the goal' },
  },
  { path: '/goals/:id', name: 'goal', component: () => import('@/views/GoalView.vue'), meta: { title: 'Goal' } },
  {
    path: '/goals/:id/a3',
    name: 'goal-a3',
    component: () => import('@/views/GoalA3View.vue'),
    meta: { title: 'Goal A3', fullScreen: true },
  },
  {
    path: '/goals/:id/a3/edit',
    name: 'goal-a3-edit',
    component: () => import('@/views/GoalA3EditView.vue'),
    meta: { title: 'Write the A3' },
  },
  {
    path: '/settings',
    name: 'settings',
    component: () => import('@/views/SettingsView.vue'),
    meta: { title: 'Settings' },
  },
  {
    path: '/enrol',
    name: 'enrol',
    component: () => import('@/views/EnrolView.vue'),
    meta: { title: 'Enrol this tablet', noSetupNeeded: true },
  },
  {
    path: '/admin',
    name: 'admin',
    component: () => import('@/views/AdminView.vue'),
    meta: { title: 'Admin', noSetupNeeded: true },
  },
  // Learning is open to everyone, before or without a board. Both pages share the
  // catalogue's chunk, so the board does not carry the library's text.
  {
    path: '/concepts',
    name: 'concepts',
    component: () => import('@/views/ConceptsView.vue'),
    meta: { title: 'Learn: LIM concepts', noSetupNeeded: true },
  },
  {
    path: '/concepts/new',
    name: 'concept-new',
    component: () => import('@/views/ConceptEditView.vue'),
    meta: { title: 'Add a trust concept', noSetupNeeded: true },
  },
  {
    path: '/concepts/learning',
    name: 'learning-record',
    component: () => import('@/views/LearningRecordView.vue'),
    meta: { title: 'Learning record' },
  },
  {
    path: '/concepts/coverage',
    name: 'concept-coverage',
    component: () => import('@/views/CoverageView.vue'),
    meta: { title: 'Concept coverage' },
  },
  {
    path: '/concepts/:id',
    name: 'concept',
    component: () => import('@/views/ConceptView.vue'),
    meta: { title: 'LIM concept', noSetupNeeded: true },
  },
  {
    path: '/concepts/:id/edit',
    name: 'concept-edit',
    component: () => import('@/views/ConceptEditView.vue'),
    meta: { title: 'Edit a concept', noSetupNeeded: true },
  },
  {
    path: '/accessibility',
    name: 'accessibility',
    component: () => import('@/views/AccessibilityView.vue'),
    meta: { title: 'Accessibility statement', noSetupNeeded: true },
  },
  {
    path: '/privacy',
    name: 'privacy',
    component: () => import('@/views/PrivacyView.vue'),
    meta: { title: 'Privacy notice', noSetupNeeded: true },
  },
  // An idea link from the ward's poster: any phone, no enrolment, no board on the phone.
  {
    path: '/idea/:token',
    name: 'idea-link',
    component: () => import('@/views/IdeaLinkView.vue'),
    meta: { title: 'Send an idea', noSetupNeeded: true, fullScreen: true },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/NotFoundView.vue'),
    meta: { title: 'Page not found', noSetupNeeded: true },
  },
]

export function createAppRouter() {
  const router = createRouter({ history: createWebHistory(), routes })
  router.beforeEach(async (to) => {
    const org = useOrgStore()
    if (!org.loaded) await org.load()
    if (!org.isSetUp && !to.meta.noSetupNeeded) return { name: 'setup' }
    return true
  })
  router.afterEach((to, from) => {
    // A name is held for one screen: the next screen's first save asks again, so the
    // next person on a shared tablet never works under the last one's name.
    if (to.path !== from.path) useActorStore().arrive(to.path)
    document.title = `${String(to.meta.title ?? 'Board')} – LIM Huddle`
  })
  return router
}

declare module 'vue-router' {
  interface RouteMeta {
    title?: string
    /** Hide the app header (huddle mode, print). */
    fullScreen?: boolean
    /** Reachable before any board exists. */
    noSetupNeeded?: boolean
  }
}
