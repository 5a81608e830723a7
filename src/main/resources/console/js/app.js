// The console's shell: the key form, the navigation and a hash router that mounts one page at a time.
import { api, forgetKey, storeKey, storedKey, whenUnauthorized } from './api.js';
import * as fleet from './fleet.js';
import * as flow from './flow.js';
import * as subscriptions from './subscriptions.js';
import * as attribute from './attribute.js';
import * as activity from './activity.js';
import * as event from './event.js';

const PAGES = { fleet, flow, subscriptions, attribute, activity, event };
const TITLES = { fleet: 'Fleet', flow: 'Flow', subscriptions: 'Subscriptions', attribute: 'Attribute',
  activity: 'Activity', event: 'Socket event' };

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const loginView = document.getElementById('login-view');
const loginForm = document.getElementById('login-form');
const loginMessage = document.getElementById('login-message');
const keyInput = document.getElementById('api-key');
const logout = document.getElementById('logout');
let unmount = () => {};

function showLogin(message) {
  unmount();
  unmount = () => {};
  main.hidden = true;
  nav.hidden = true;
  logout.hidden = true;
  loginView.hidden = false;
  loginMessage.textContent = message || '';
  keyInput.value = '';
  keyInput.focus();
}

function showApp() {
  loginView.hidden = true;
  loginMessage.textContent = '';
  main.hidden = false;
  nav.hidden = false;
  logout.hidden = false;
  route();
}

/** Why the hub refused a key, in words a person can act on. */
function refusal(error) {
  if (error.status === 401) {
    return 'That API key was not accepted: it is unknown, mistyped or revoked. Check it and try again.';
  }
  if (error.status === 429) {
    return `Too many wrong keys from this address. Wait ${error.retryAfter || 'a minute'} seconds and try again.`;
  }
  if (error.status === 403) {
    return 'That key may not read the hub (it needs at least the reader role).';
  }
  return `The hub could not check the key: ${error.message}`;
}

async function check(key) {
  // Any reader endpoint proves the key; the smallest page of hosts is cheap.
  await api('/api/v1/hosts?size=1', { key });
}

loginForm.addEventListener('submit', async e => {
  e.preventDefault();
  const key = keyInput.value.trim();
  if (!key) {
    loginMessage.textContent = 'Paste an API key first (the hub prints the admin key at its first start).';
    keyInput.focus();
    return;
  }
  loginMessage.textContent = 'Checking the key…';
  try {
    await check(key);
  } catch (error) {
    loginMessage.textContent = refusal(error);
    keyInput.select();
    return;
  }
  storeKey(key);
  keyInput.value = '';
  if (!location.hash || location.hash === '#/') {
    location.hash = '#/fleet';
  }
  showApp();
});

logout.addEventListener('click', () => {
  forgetKey();
  showLogin('The key was forgotten. Paste a key to continue.');
});

whenUnauthorized(() => {
  forgetKey();
  showLogin('The hub no longer accepts the key (revoked?). Paste a key to continue.');
});

function route() {
  if (!storedKey()) {
    showLogin();
    return;
  }
  const [, name = 'fleet', ...rest] = (location.hash || '#/fleet').split('/');
  const page = PAGES[name] ? name : 'fleet';
  for (const link of nav.querySelectorAll('a')) {
    if (link.dataset.page === page) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  unmount();
  main.replaceChildren();
  document.title = `${TITLES[page]} · Zeek Agent Hub`;
  unmount = PAGES[page].mount(main, rest.map(decodeURIComponent)) || (() => {});
  main.focus({ preventScroll: true });
}

window.addEventListener('hashchange', () => {
  if (storedKey()) {
    route();
  }
});

if (storedKey()) {
  showApp();
} else {
  showLogin();
}
