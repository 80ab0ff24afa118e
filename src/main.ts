import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
// Loaded before the router is made, for its Back listener: added first, it keeps a dialog's own history
// entries from reaching the router as navigations (useDialogStack.ts). Imported here, not left to whichever
// dialog the shell happens to import: with none, the router's listener came first and a dialog closed after
// a save undid the screen's next navigation (the trend chart widened by an import went back to its old days).
import './composables/useDialogStack'
import { installErrorHandlers } from './errorHandlers'
import { createAppRouter } from './router'
// Fonts ship with the app (no third-party font host), so text renders the same offline.
import '@fontsource/arimo/400.css'
import '@fontsource/arimo/600.css'
import './styles/main.scss'

const app = createApp(App)
installErrorHandlers(app)
app.use(createPinia())
const router = createAppRouter()
app.use(router)
// Mounted once the first screen is known (the organisation is read by then), so the header
// is drawn once with its navigation and unit name instead of growing a row after render.
// A failed first navigation still mounts: the error handlers report it.
void router
  .isReady()
  .catch(() => undefined)
  .then(() => app.mount('#app'))
