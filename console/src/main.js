import { createApp } from 'vue'
import ElementPlus from './element.js'
import './styles.css'
import App from './App.vue'
import { router } from './router.js'

createApp(App).use(ElementPlus).use(router).mount('#app')
