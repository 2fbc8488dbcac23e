// The sign-in page. In the demo it lists the demo people as big buttons and signs in as the one
// chosen; with an identity provider it takes a pasted bearer token and checks it with
// GET /api/v1/me before keeping it. Either way it then returns to the page that sent it here.
(function () {
  'use strict';
  const el = GC.el;
  const params = new URLSearchParams(location.search);
  const requested = params.get('next') || '';
  // Only a path on this server, never another site.
  const next = /^\/(?!\/)/.test(requested) ? requested : '/wall';
  const REASONS = {
    expired: 'Your session has ended. Sign in again.',
    refused: 'The server did not accept your sign-in. Sign in again.',
    'unknown-person': 'That demo person does not exist here. Choose one below.'
  };

  function say(text) {
    const message = document.getElementById('message');
    message.textContent = text;
    message.hidden = !text;
  }

  function where(person) {
    const parts = [];
    const systems = person.systems || [];
    if (systems.includes('*')) {
      parts.push('everywhere');
    } else if (systems.length) {
      parts.push('system ' + systems.join(', '));
    }
    if ((person.sites || []).length) { parts.push('sites ' + person.sites.join(', ')); }
    return parts.join('; ') || 'nowhere';
  }

  function labelled(cls, label, value) {
    const span = el('span', cls);
    span.append(label + ' ', el('strong', '', value));
    return span;
  }

  function personButton(person) {
    const button = el('button', 'person');
    button.type = 'button';
    button.dataset.user = person.id;
    button.append(el('span', 'person-name', person.name), labelled('person-roles', 'Roles:', person.roles.join(', ')),
      labelled('person-where', 'Where:', where(person)));
    button.addEventListener('click', async () => {
      document.querySelectorAll('.person').forEach(b => { b.disabled = true; });
      try {
        await GC.session.demoToken(person.id);
        location.assign(next);
      } catch (e) {
        say(e.message);
        document.querySelectorAll('.person').forEach(b => { b.disabled = false; });
      }
    });
    const li = el('li');
    li.append(button);
    return li;
  }

  async function demo() {
    const response = await fetch('/auth/demo-users');
    const body = await response.json();
    document.getElementById('people').replaceChildren(...body.users.map(personButton));
    document.getElementById('demo').hidden = false;
  }

  function identityProvider(config) {
    document.getElementById('issuer').textContent = config.issuer || '';
    document.getElementById('idp').hidden = false;
    const error = document.getElementById('token-error');
    document.getElementById('token-form').addEventListener('submit', async event => {
      event.preventDefault();
      const token = document.getElementById('token').value.trim().replace(/^Bearer\s+/i, '');
      const response = await fetch('/api/v1/me', { headers: { Authorization: 'Bearer ' + token } });
      if (response.ok) {
        const me = await response.json();
        GC.session.store(token, { id: me.id, name: me.name, roles: me.roles }, null);
        location.assign(next);
        return;
      }
      const body = await response.json().catch(() => ({}));
      const reasons = (body.violations || []).map(v => v.message);
      error.textContent = 'Not accepted: ' + (reasons.length ? reasons.join('; ') : body.error || 'HTTP ' + response.status);
      error.hidden = false;
    });
  }

  function current() {
    const person = GC.session.person();
    if (!GC.session.token() || !person) { return; }
    const p = document.getElementById('current');
    const back = el('a', '', 'carry on');
    back.href = next;
    p.append('Signed in as ' + person.name + ': ', back, ', or choose again below.');
    p.hidden = false;
  }

  say(REASONS[params.get('reason')] || '');
  current();
  GC.session.config().then(config => (config.mode === 'demo' ? demo() : identityProvider(config)))
    .catch(e => say('Sign-in is not available right now (' + e.message + '). Reload to try again.'));
}());
