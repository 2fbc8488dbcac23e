// Who is signed in, for the pages that need it. The token lives in sessionStorage (this tab only,
// gone when the browser closes). A page with no token, or whose token the server refuses, goes to
// the sign-in page; in the demo a refused or expired token is silently replaced by a fresh one for
// the same demo person. In the demo, ?as=<demo person> signs in without the sign-in page, so a
// command-room screen can boot unattended (docs/wall.md).
(function () {
  'use strict';
  const GC = window.GC = window.GC || {};
  const KEYS = { token: 'gc.token', demoUser: 'gc.demoUser', person: 'gc.person' };
  const SIGN_IN = '/pages/signin.html';
  let config = null;
  let renewing = null;

  /** A promise that never settles: the page is navigating away. */
  function leaving() {
    return new Promise(() => {});
  }

  function authConfig() {
    if (!config) {
      config = fetch('/auth/config').then(r => {
        if (!r.ok) { throw new Error('GET /auth/config answered ' + r.status); }
        return r.json();
      });
      config.catch(() => { config = null; });
    }
    return config;
  }

  function store(token, person, demoUser) {
    sessionStorage.setItem(KEYS.token, token);
    sessionStorage.setItem(KEYS.person, JSON.stringify(person));
    if (demoUser) { sessionStorage.setItem(KEYS.demoUser, demoUser); } else { sessionStorage.removeItem(KEYS.demoUser); }
  }

  function clear() {
    Object.values(KEYS).forEach(k => sessionStorage.removeItem(k));
  }

  /** This page's address without ?as=, to come back to after signing in. */
  function here() {
    const params = new URLSearchParams(location.search);
    params.delete('as');
    const query = params.toString();
    return location.pathname + (query ? '?' + query : '');
  }

  function toSignIn(reason) {
    location.replace(SIGN_IN + '?next=' + encodeURIComponent(here()) + (reason ? '&reason=' + reason : ''));
    return leaving();
  }

  async function demoToken(user) {
    const r = await fetch('/auth/demo-token', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: user })
    });
    if (!r.ok) { throw new Error('No demo person "' + user + '" (HTTP ' + r.status + ')'); }
    const body = await r.json();
    store(body.token, { id: body.person.id, name: body.person.name, roles: body.person.roles }, user);
    return body.token;
  }

  /** A fresh token after a 401 or a 4401 close: the same demo person again, else the sign-in page. */
  function renew() {
    if (!renewing) {
      renewing = (async () => {
        const demoUser = sessionStorage.getItem(KEYS.demoUser);
        const mode = (await authConfig()).mode;
        if (mode === 'demo' && demoUser) {
          try {
            return await demoToken(demoUser);
          } catch (e) {
            clear();
            return toSignIn('refused');
          }
        }
        clear();
        return toSignIn('expired');
      })().finally(() => { renewing = null; });
    }
    return renewing;
  }

  function get(path) {
    return fetch(path, { headers: { Authorization: 'Bearer ' + sessionStorage.getItem(KEYS.token) } });
  }

  GC.session = {
    config: authConfig,
    store: store,
    demoToken: demoToken,
    renew: renew,

    /** The current token, or null. */
    token: () => sessionStorage.getItem(KEYS.token),

    /** The signed-in person as stored at sign-in ({id, name, roles}), or null. */
    person: () => JSON.parse(sessionStorage.getItem(KEYS.person) || 'null'),

    /** Resolves with a token once signed in (?as= in the demo), or leaves for the sign-in page. */
    async signedIn() {
      const as = new URLSearchParams(location.search).get('as');
      if (as && (as !== sessionStorage.getItem(KEYS.demoUser) || !sessionStorage.getItem(KEYS.token))) {
        const mode = (await authConfig()).mode;
        if (mode === 'demo') {
          try {
            return await demoToken(as);
          } catch (e) {
            clear();
            return toSignIn('unknown-person');
          }
        }
      }
      return sessionStorage.getItem(KEYS.token) || toSignIn();
    },

    /** GET an API path with the token; a 401 renews the token once and tries again. */
    async api(path) {
      let response = await get(path);
      if (response.status === 401) {
        await renew();
        response = await get(path);
        if (response.status === 401) {
          clear();
          return toSignIn('refused');
        }
      }
      return response;
    },

    /** Checks the token after a WebSocket upgrade failed: a refused token is renewed (or leaves). */
    async check() {
      const response = await get('/api/v1/me');
      if (response.status === 401) { await renew(); }
    },

    signOut() {
      clear();
      location.assign(SIGN_IN);
    },

    /** "Signed in as … · Sign out", small, in the element given. */
    badge(container) {
      const person = GC.session.person();
      const name = GC.el('span', 'who-name', person ? person.name : 'Signed in');
      name.title = person && person.roles ? 'Roles: ' + person.roles.join(', ') : '';
      const out = GC.el('button', 'sign-out', 'Sign out');
      out.type = 'button';
      out.addEventListener('click', GC.session.signOut);
      container.replaceChildren(GC.el('span', 'who-label', 'Signed in as '), name, out);
    }
  };
}());
