// Helpers for the browser suite: Chromium, Keycloak sign-in, axe-core, screenshots, checks.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import http from 'node:http';
import net from 'node:net';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const BASE = (process.env.BASE_URL || 'http://localhost:8081').replace(/\/$/, '');
export const PASSWORD = process.env.EVENHAND_DEMO_PASSWORD || 'evenhand-demo';
export const OUT = path.resolve(process.env.OUT_DIR || 'target/browser-suite');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
/**
 * Local runs only: when the app listens on a port Keycloak will not redirect to, the browser is
 * told the app is at BASE_URL and a small proxy in this process sends those requests on to
 * ROUTE_TO, with X-Forwarded-Host (the app must be started trusting forwarded headers). CI never
 * sets it.
 */
const ROUTE_TO = process.env.ROUTE_TO ? new URL(process.env.ROUTE_TO) : null;
let proxy;

function startProxy() {
  const base = new URL(BASE);
  proxy = http.createServer((req, res) => {
    const target = new URL(req.url);
    const toApp = target.host === base.host;
    const headers = { ...req.headers };
    if (toApp) {
      headers['x-forwarded-host'] = base.host;
    }
    const out = http.request({
      host: toApp ? ROUTE_TO.hostname : target.hostname, port: toApp ? ROUTE_TO.port : target.port,
      method: req.method, path: target.pathname + target.search, headers,
    }, (r) => {
      res.writeHead(r.statusCode, r.headers);
      r.pipe(res);
    });
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  // requests made outside the page (APIRequestContext) tunnel through CONNECT
  proxy.on('connect', (req, client, head) => {
    const [host, port] = req.url.split(':');
    const toApp = `${host}:${port}` === base.host;
    const upstream = net.connect(toApp ? Number(ROUTE_TO.port) : Number(port), toApp ? ROUTE_TO.hostname : host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  return new Promise((resolve) => proxy.listen(0, '127.0.0.1', () => resolve(proxy.address().port)));
}
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
/** axe rules that are about the document as a whole, checked once per page at each width. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export const report = { started: new Date().toISOString(), base: BASE, pages: [], checks: [], failures: [] };
let browser;
let shot = 0;

export async function start() {
  fs.mkdirSync(path.join(OUT, 'screenshots'), { recursive: true });
  for (const f of fs.readdirSync(path.join(OUT, 'screenshots'))) {
    fs.unlinkSync(path.join(OUT, 'screenshots', f));
  }
  const viaProxy = ROUTE_TO ? { server: `http://127.0.0.1:${await startProxy()}`, bypass: '<-loopback>' } : undefined;
  browser = await chromium.launch({
    proxy: viaProxy,
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage'],
  });
}

export async function stop() {
  if (browser) {
    await browser.close();
  }
  if (proxy) {
    proxy.close();
  }
  report.finished = new Date().toISOString();
  fs.writeFileSync(path.join(OUT, 'report.json'), JSON.stringify(report, null, 2));
}

/** A fresh browser profile (no cookies), with console errors and CSP violations collected. */
export async function anonymous() {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-GB', timezoneId: 'Europe/London' });
  context.setDefaultTimeout(20000);
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => {
    // a page answered 400 (a refused form), 403 or 404 on purpose is logged by Chromium as a failed load
    const own = m.text().startsWith('Failed to load resource') && m.location().url === page.url();
    if (m.type() === 'error' && !own) {
      page.problems.push(m.text() + (m.location().url ? ` (${m.location().url})` : ''));
    }
  });
  page.on('pageerror', (e) => page.problems.push('script error: ' + e.message));
  return { context, page };
}

/** Signs in through the real Keycloak login page, as a person would. */
export async function signIn(user) {
  const s = await anonymous();
  const { page } = s;
  await page.goto(BASE + '/signin');
  await page.waitForSelector('#username');
  check(!page.url().startsWith(BASE), `${user}: the sign-in link leads to Keycloak's login page`, page.url());
  await page.fill('#username', user);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL((u) => u.toString().startsWith(BASE)), page.click('#kc-login')]);
  await page.waitForLoadState('load');
  check(await page.locator('.account__who').count() === 1, `${user}: signed in and back on Evenhand`, page.url());
  s.user = user;
  return s;
}

export function check(ok, what, detail) {
  report.checks.push({ ok: !!ok, what, detail: ok ? undefined : String(detail ?? '') });
  if (!ok) {
    report.failures.push(`${what}${detail ? ' — ' + detail : ''}`);
    console.log(`  FAIL ${what}${detail ? ' — ' + String(detail).slice(0, 300) : ''}`);
  } else {
    console.log(`  ok   ${what}`);
  }
  return !!ok;
}

export async function text(page) {
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
}

async function runAxe(page) {
  await page.evaluate(AXE);
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' :: ' + (n.failureSummary || '').split('\n').slice(0, 3).join(' ')),
    }));
  }, AXE_TAGS);
}

/**
 * The checks every page gets: axe-core at desktop and phone width (serious or critical
 * violations fail the suite), no console errors (CSP violations included), nothing wider than the
 * phone's screen, and a full-page screenshot at each width.
 */
export async function audit(page, name) {
  await page.waitForLoadState('load');
  await page.waitForTimeout(150);
  const entry = { name, url: page.url().replace(BASE, ''), title: await page.title(), axe: {}, screenshots: [] };
  const n = String(++shot).padStart(2, '0');
  for (const [label, size] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    await page.setViewportSize(size);
    await page.waitForTimeout(label === 'phone' ? 250 : 100);
    if (await page.locator('.diagram[data-bpmn]').count()) {
      await page.waitForSelector('.diagram--ready, .diagram--failed', { timeout: 10000 }).catch(() => {});
    }
    const violations = await runAxe(page);
    entry.axe[label] = violations;
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    check(bad.length === 0, `${name} (${label}): no serious or critical axe violations`,
      bad.map((v) => `${v.id} [${v.impact}] ${v.help}: ${v.nodes.join(' | ')}`).join('; '));
    if (label === 'phone') {
      const overflow = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const wide = [...document.querySelectorAll('main *')].filter((el) => el.getBoundingClientRect().right > width + 1
          && !(el.parentElement && el.parentElement.closest('.table-wrap, .diagram__canvas')))
          .slice(0, 3).map((el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : ''));
        return { px: document.documentElement.scrollWidth - width, wide };
      });
      check(overflow.px <= 1, `${name} (phone): nothing wider than the screen`, `${overflow.px}px too wide: ${overflow.wide.join(', ')}`);
    }
    const file = `${n}-${name}-${label}.png`;
    await page.screenshot({ path: path.join(OUT, 'screenshots', file), fullPage: true });
    entry.screenshots.push(file);
  }
  await page.setViewportSize(DESKTOP);
  const problems = page.problems.splice(0);
  check(problems.length === 0, `${name}: no console errors or blocked resources`, problems.join(' | '));
  report.pages.push(entry);
}

/** Goes to a page and returns the HTTP status. */
export async function visit(page, url) {
  const r = await page.goto(url.startsWith('http') ? url : BASE + url);
  await page.waitForLoadState('load');
  return r ? r.status() : 0;
}

/** Submits the form the button belongs to and waits for the next page. */
export async function submit(page, buttonText) {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: buttonText, exact: false }).first().click()]);
  await page.waitForLoadState('load');
}

/** The text shown next to a field (its error message), or ''. */
export async function fieldError(page, id) {
  const el = page.locator(`#${id}-error`);
  return (await el.count()) ? (await el.first().innerText()).trim() : '';
}

/** The first task of this kind for the case in this person's queue, or null. */
export async function findTask(page, ref, title) {
  await visit(page, `/work?q=${encodeURIComponent(ref)}`);
  const row = page.locator('tr', { has: page.locator(`a:text-is("${ref}")`) }).filter({ hasText: title });
  if (!(await row.count())) {
    return null;
  }
  return row.first();
}

/** A small valid PNG (a 2×2 red square), as a screenshot a member would attach. */
export function png() {
  return Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');
}

/**
 * A long text as a person would paste it: the sentence repeated (with curly quotes and accents,
 * which take several bytes each) to exactly n characters, ending with a marker the result page
 * can be searched for.
 */
export function long(sentence, n, marker = 'END-OF-LONG-TEXT') {
  const unit = sentence + ' \u2018Quoted\u2019 \u2014 Zo\u00eb. ';
  let s = '';
  while (s.length < n - marker.length - 1) {
    s += unit;
  }
  s = s.slice(0, n - marker.length - 1) + ' ' + marker;
  return s;
}
