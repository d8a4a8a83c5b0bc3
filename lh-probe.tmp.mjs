import { audit, cleanUp, startChromium, startConsole, startUpstream } from './scripts/lab.js';
import { readFileSync } from 'node:fs';
const which = process.argv[2] ?? 'demo';
process.env.LIGHTHOUSE_REPORTS = '/tmp/lh';
try {
  const upstream = await startUpstream();
  const origin = await startConsole({ MANAGEMENT_API_URL: `${upstream}/management-api` });
  const chromePort = await startChromium();
  const path = which === 'demo' ? '/integrations?demo' : '/integrations?live';
  for (let i = 0; i < Number(process.argv[3] ?? 1); i++) {
    const r = await audit({ chromePort, url: origin + path, reportName: `${which}-${i}`, profile: 'mobile', categories: ['performance'] });
    console.log(which, i, r.performance, Math.round(r.lcp), Math.round(r.tbt), Math.round(r.fcp), JSON.stringify(r.costs));
    const lhr = JSON.parse(readFileSync(`/tmp/lh/${which}-${i}.json`, 'utf8'));
    const el = lhr.audits['largest-contentful-paint-element'];
    console.log(JSON.stringify(el.details?.items?.map((it) => it.items?.map((x) => x.node?.snippet ?? x.phase + ':' + Math.round(x.timing))), null, 0));
    const mt = lhr.audits['mainthread-work-breakdown'].details.items.map((x) => `${x.groupLabel} ${Math.round(x.duration)}`);
    console.log('main thread:', mt.join(', '));
    const boot = lhr.audits['bootup-time'].details.items.map((x) => `${x.url.replace(origin, '')} total ${Math.round(x.total)} script ${Math.round(x.scripting)} parse ${Math.round(x.scriptParseCompile)}`);
    console.log('bootup:', boot.join('\n  '));
    const net = lhr.audits['network-requests'].details.items.map((x) => `${Math.round(x.networkRequestTime)}-${Math.round(x.networkEndTime)} ${x.url.replace(origin, '')} ${x.transferSize}`);
    console.log('network:\n  ' + net.join('\n  '));
    const lt = lhr.audits['long-tasks']?.details?.items?.map((x) => `${Math.round(x.startTime)}+${Math.round(x.duration)} ${x.url?.replace(origin, '')}`);
    console.log('long tasks:', lt?.join(', '));
  }
} finally { await cleanUp(); }
