import { chromium } from '@playwright/test';
const base = `http://127.0.0.1:${process.env.P}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await cdp.send('Profiler.start');
await page.goto(`${base}${process.env.PATHNAME ?? '/integrations?demo'}`);
await page.getByText(/was disabled/).first().waitFor({ timeout: 30000 }).catch(() => {});
await page.waitForTimeout(1500);
const { profile } = await cdp.send('Profiler.stop');
const lcp = await page.evaluate(() => new Promise((r) => new PerformanceObserver((l) => { const e = l.getEntries().at(-1); r(`${Math.round(e.startTime)} ${e.element?.tagName} ${e.element?.textContent?.slice(0, 30)}`); }).observe({ type: 'largest-contentful-paint', buffered: true })));
console.log('LCP', lcp);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas; let i = 0;
for (const s of profile.samples) { const n = byId.get(s); const f = n.callFrame; const key = `${f.functionName || '(anon)'} ${f.url.replace(base, '').replace(/\?.*/, '')}:${f.lineNumber}:${f.columnNumber}`; self.set(key, (self.get(key) ?? 0) + (dt[i++] ?? 0)); }
const byUrl = new Map();
for (const [k, v] of self) { const u = k.split(' ')[1]?.split(':')[0] || '(native)'; byUrl.set(u, (byUrl.get(u) ?? 0) + v); }
console.log('by url (ms):', [...byUrl].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([u, v]) => `${u} ${Math.round(v / 1000)}`).join(', '));
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${Math.round(v / 1000)} ${k}`).join('\n'));
await browser.close();
