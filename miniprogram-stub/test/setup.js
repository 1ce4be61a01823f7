// Every test file starts with a fresh wx global (storage, devices, toasts) and fresh modules.
const { createWx } = require('./wx-shim')

global.wx = createWx()
global.getApp = () => ({ globalData: {} })
