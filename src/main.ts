import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { installErrorHandlers } from './errorHandlers'
import { createAppRouter } from './router'
// Fonts ship with the app (no third-party font host), so text renders the same offline.
import '@fontsource/arimo/400.css'
import '@fontsource/arimo/600.css'
import './styles/main.scss'

const app = createApp(App)
installErrorHandlers(app)
app.use(createPinia())
app.use(createAppRouter())
app.mount('#app')
