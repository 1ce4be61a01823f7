// Draws rendered pages in Chromium (see care.render.js): for each HTML file given, a full-page
// screenshot at a 375 px phone width next to it (.png) and the figures care mode is about, printed
// as JSON in the order given.
const { chromium } = require('playwright-core')

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium'

/** The figures care mode is about, measured in the drawn page. */
function measure() {
  const luminance = (rgb) => {
    const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
      const c = v / 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
  }
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor
      if (bg && bg !== 'transparent' && !(bg.startsWith('rgba') && bg.endsWith(', 0)'))) return bg
    }
    return 'rgb(255, 255, 255)'
  }
  const texts = [...document.querySelectorAll('main *')].filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()) && el.getBoundingClientRect().height > 0)
  const contrast = texts.map((el) => {
    const [a, b] = [luminance(getComputedStyle(el).color), luminance(background(el))]
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)
  })
  const sizes = texts.map((el) => parseFloat(getComputedStyle(el).fontSize))
  const targets = [...document.querySelectorAll('wx-button')].filter((el) => el.getBoundingClientRect().height > 0).map((el) => el.getBoundingClientRect().height)
  const worst = (values) => texts[values.indexOf(Math.min(...values))].textContent.trim().slice(0, 20)
  return {
    minFontPx: Math.min(...sizes),
    smallest: worst(sizes),
    minContrast: Math.round(Math.min(...contrast) * 10) / 10,
    faintest: worst(contrast),
    minTouchPx: targets.length ? Math.min(...targets) : null,
    buttons: targets.length,
  }
}

async function main(files) {
  if (!require('fs').existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (Debian: .ci/test-tools installs it; or set CHROMIUM)`)
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
  try {
    const out = []
    for (const file of files) {
      const page = await browser.newPage({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2 })
      await page.goto(`file://${file}`)
      await page.screenshot({ path: file.replace(/\.html$/, '.png'), fullPage: true })
      out.push(await page.evaluate(measure))
      await page.close()
    }
    process.stdout.write(JSON.stringify(out))
  } finally {
    await browser.close()
  }
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e)
  process.exit(1)
})
