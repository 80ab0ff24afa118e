/** Where the huddle running in this tab is kept (sessionStorage), so a reload or app update mid-huddle
 * resumes. Its own module: App.vue checks it without loading the huddle store (useHuddleMayRun). */
export const RUNNING_HUDDLE_KEY = 'lim-huddle.running-huddle'
