// The sitrep submission form for an organisation with no system feed. It talks to ingest
// directly (the same API a trust's system uses), so a return sent here passes exactly the same
// checks, and shows the trust what was accepted or refused and why.
(function () {
  'use strict';
  let ingestUrl = '';
  let key = sessionStorage.getItem('gc.feedKey') || '';
  let latest = null;
  const form = document.getElementById('sitrep');
  const result = document.getElementById('result');

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }

  async function api(method, path, body) {
    const response = await fetch(ingestUrl + path, {
      method: method,
      headers: Object.assign({ 'Authorization': 'Bearer ' + key }, body ? { 'Content-Type': 'application/json' } : {}),
      body: body ? JSON.stringify(body) : undefined
    });
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = { error: text }; }
    return { status: response.status, body: json };
  }

  function localInput(iso) {
    const d = new Date(iso);
    const pad = n => String(n).padStart(2, '0');
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T' + pad(d.getHours()) + ':' + pad(d.getMinutes());
  }

  function todayAtEight() {
    const d = new Date();
    if (d.getHours() < 8) { d.setDate(d.getDate() - 1); }
    d.setHours(8, 0, 0, 0);
    return d.toISOString();
  }

  function fill(sitrep) {
    form.querySelectorAll('input[name*="."], input[name=staffAbsencePct], textarea').forEach(input => {
      const value = input.name.split('.').reduce((o, k) => (o == null ? undefined : o[k]), sitrep);
      input.value = value == null ? '' : value;
    });
  }

  function collect() {
    const sitrep = { orgCode: document.getElementById('orgCode').value,
      asAt: new Date(document.getElementById('asAt').value).toISOString() };
    form.querySelectorAll('input[name*="."], input[name=staffAbsencePct], textarea').forEach(input => {
      if (input.value === '') { return; }
      const path = input.name.split('.');
      let target = sitrep;
      path.slice(0, -1).forEach(k => { target = target[k] = target[k] || {}; });
      target[path[path.length - 1]] = input.type === 'number' ? Number(input.value) : input.value;
    });
    if (form.dataset.supersedes) { sitrep.supersedes = form.dataset.supersedes; }
    return sitrep;
  }

  function clearErrors() {
    form.querySelectorAll('.invalid').forEach(i => i.classList.remove('invalid'));
    form.querySelectorAll('.field-error').forEach(e => e.remove());
    result.replaceChildren();
  }

  function showErrors(body) {
    result.append(el('p', body.error || 'Refused', 'error'));
    const list = el('ul');
    (body.violations || []).forEach(v => {
      const path = v.path.replace(/^\[\d+\]\.?/, '');
      const input = form.querySelector('[name="' + path + '"]');
      if (input) {
        input.classList.add('invalid');
        input.setAttribute('aria-invalid', 'true');
        input.parentElement.append(el('span', v.message, 'field-error'));
      }
      list.append(el('li', (path || 'return') + ' ' + v.message));
    });
    result.append(list);
  }

  function correct(entry) {
    form.dataset.supersedes = entry.submissionId;
    fill(entry.sitrep);
    document.getElementById('orgCode').value = entry.sitrep.orgCode;
    document.getElementById('asAt').value = localInput(entry.sitrep.asAt);
    const note = document.getElementById('correcting');
    note.textContent = 'Correcting the return received ' + new Date(entry.receivedAt).toLocaleString('en-GB')
      + '. The original is kept; this one replaces it.';
    note.hidden = false;
    document.getElementById('cancel-correction').hidden = false;
    form.scrollIntoView();
  }

  function stopCorrecting() {
    delete form.dataset.supersedes;
    document.getElementById('correcting').hidden = true;
    document.getElementById('cancel-correction').hidden = true;
  }

  async function refresh() {
    const listing = await api('GET', '/v1/sitreps');
    if (listing.status === 503) { setTimeout(refresh, 1000); return listing; }
    if (listing.status !== 200) { return listing; }
    const select = document.getElementById('orgCode');
    if (!select.options.length) {
      listing.body.organisations.forEach(code => select.append(new Option(code, code)));
    }
    const body = document.querySelector('#recent tbody');
    body.replaceChildren();
    latest = listing.body.accepted[0] || null;
    listing.body.accepted.slice(0, 50).forEach(entry => {
      const row = el('tr');
      if (entry.supersededBy) { row.className = 'superseded'; }
      const beds = entry.sitrep.beds || {};
      const open = (beds.gaCoreOpen || 0) + (beds.gaEscalationOpen || 0);
      const action = el('td');
      if (!entry.supersededBy) {
        const button = el('button', 'Correct');
        button.type = 'button';
        button.addEventListener('click', () => correct(entry));
        action.append(button);
      }
      row.append(el('td', entry.sitrep.orgCode + ' ' + new Date(entry.sitrep.asAt).toLocaleString('en-GB')),
        el('td', new Date(entry.receivedAt).toLocaleString('en-GB')), el('td', beds.gaOccupied + ' / ' + open),
        el('td', entry.supersededBy ? 'Corrected' : 'Accepted'), action);
      body.append(row);
    });
    const refused = document.getElementById('refused');
    refused.replaceChildren();
    listing.body.refused.forEach(r => refused.append(el('li', new Date(r.at).toLocaleString('en-GB') + ': ' + r.status + ' ' + r.reason)));
    if (!listing.body.refused.length) { refused.append(el('li', 'None')); }
    return listing;
  }

  // The listing is read back from the event store, so a return just accepted may take a moment to show.
  async function showWhenListed(submissionId, attempts) {
    const listing = await refresh();
    const listed = listing.status === 200 && listing.body.accepted.some(a => a.submissionId === submissionId);
    if (!listed && attempts > 1) {
      setTimeout(() => showWhenListed(submissionId, attempts - 1), 500);
    }
  }

  async function signIn(candidate) {
    key = candidate;
    const listing = await refresh();
    if (listing.status === 401) {
      document.getElementById('key-error').textContent = 'That key is not recognised.';
      sessionStorage.removeItem('gc.feedKey');
      return;
    }
    sessionStorage.setItem('gc.feedKey', key);
    document.getElementById('signin').hidden = true;
    document.getElementById('work').hidden = false;
    document.getElementById('asAt').value = localInput(todayAtEight());
  }

  document.getElementById('key-form').addEventListener('submit', e => {
    e.preventDefault();
    signIn(document.getElementById('key').value.trim());
  });
  document.getElementById('copy-latest').addEventListener('click', () => { if (latest) { fill(latest.sitrep); } });
  document.getElementById('cancel-correction').addEventListener('click', stopCorrecting);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    clearErrors();
    const response = await api('POST', '/v1/sitreps', collect());
    if (response.status === 202) {
      result.append(el('p', 'Accepted: return ' + response.body.ids[0] + ' is stored.', 'ok'));
      stopCorrecting();
      showWhenListed(response.body.ids[0], 10);
    } else if (response.status === 503) {
      result.append(el('p', 'Not stored: Gold Command cannot store returns right now. Please submit again in a minute.', 'error'));
    } else {
      showErrors(response.body || {});
      refresh();
    }
  });

  fetch('/submit/config.json').then(r => r.json()).then(config => {
    ingestUrl = config.ingestUrl;
    if (key) { signIn(key); }
  });
}());
