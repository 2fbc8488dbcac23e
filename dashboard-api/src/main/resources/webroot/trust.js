// One trust in detail (/wall/trust/<org>): its score, level and completeness now, every measure
// with its value, level, weight, points and time, live; and the history of its score and of every
// parameter over 6 hours, 24 hours or 7 days, from the history API, extended by live values.
(function () {
  'use strict';
  const el = GC.el;
  const org = decodeURIComponent(location.pathname.split('/').pop()).toUpperCase();
  const charts = new Map();
  let hours = 24;
  let current = null;
  let staleLimit;

  document.getElementById('trust-code').textContent = org;
  document.title = 'Gold Command - ' + org;

  // Now ----------------------------------------------------------------------------------------------

  function render(data) {
    current = data;
    document.getElementById('waiting').hidden = true;
    document.getElementById('now').hidden = false;
    document.getElementById('trust-name').textContent = data.orgName || org;
    document.getElementById('trust-code').textContent = org + ' · ' + (data.systemCode || '');
    document.title = 'Gold Command - ' + (data.orgName || org);
    const scored = GC.scored(data);
    const summary = document.getElementById('summary');
    summary.className = 'summary level-' + (scored ? data.opelLevel : 'none');
    summary.dataset.level = scored ? data.opelLevel : '';
    const opel = document.getElementById('opel');
    opel.querySelector('.opel-number').textContent = scored ? data.opelLevel : '–';
    opel.setAttribute('aria-label', scored ? 'OPEL level ' + data.opelLevel : 'No OPEL level');
    document.getElementById('score').textContent = scored ? data.score.toFixed(1) : '–';
    document.getElementById('completeness').textContent = scored
      ? 'On ' + Math.round(data.completeness * 100) + '% of the table\'s weight'
      : 'No score: no figure is fresh enough to count';
    document.getElementById('table').textContent = data.tableVersion ? 'Scoring table ' + data.tableVersion : '';
    renderMeasures(data);
    renderAge();
    if (scored) { chart('score').add([GC.seconds(data.asAt), data.score]); }
    (data.measures || []).forEach(m => chart(m.name).add([GC.seconds(m.asAt), m.value, m.value]));
    order();
  }

  function renderAge() {
    if (!current) { return; }
    document.getElementById('as-at').textContent = 'Figures as at ' + GC.clock(current.asAt) + ' · '
      + GC.age(current.asAt);
    const verdict = GC.staleness(current, staleLimit);
    document.getElementById('summary').classList.toggle('stale', verdict.stale);
    const line = document.getElementById('stale');
    line.hidden = !verdict.stale;
    if (verdict.stale) {
      const badge = el('span', 'badge stale');
      badge.append(el('span', 'icon', '⚠'), ' STALE');
      badge.firstChild.setAttribute('aria-hidden', 'true');
      line.replaceChildren(badge, el('span', 'stale-reason', verdict.reason));
    }
    document.querySelectorAll('#measures td.when').forEach(td => {
      td.textContent = GC.clock(td.dataset.asAt) + ' · ' + GC.age(td.dataset.asAt);
    });
  }

  /** Scored parameters first, most points first; then the supporting figures by label. */
  function sorted(measures) {
    const scored = measures.filter(m => m.level !== undefined && m.level !== null)
      .sort((a, b) => (b.contribution - a.contribution) || (b.weight - a.weight));
    const rest = measures.filter(m => m.level === undefined || m.level === null)
      .sort((a, b) => a.label.localeCompare(b.label));
    return scored.concat(rest);
  }

  function renderMeasures(data) {
    const rows = sorted(data.measures || []).map(m => {
      const tr = el('tr', m.level ? 'scored' : 'unscored');
      tr.dataset.measure = m.name;
      const level = el('td', 'num');
      if (m.level) {
        const chip = el('span', 'chip level-' + m.level, 'L' + m.level);
        chip.title = 'Level ' + m.level;
        level.append(chip);
      } else {
        level.textContent = '–';
        level.title = 'Not in the score';
      }
      const when = el('td', 'when');
      when.dataset.asAt = m.asAt;
      tr.append(el('th', '', m.label), el('td', 'num', GC.value(m.value, m.unit)), level,
        el('td', 'num', m.weight === undefined ? '–' : String(m.weight)),
        el('td', 'num', m.contribution === undefined ? '–' : '+' + m.contribution.toFixed(1)), when);
      tr.firstChild.scope = 'row';
      return tr;
    });
    document.querySelector('#measures tbody').replaceChildren(...rows);
  }

  // History ------------------------------------------------------------------------------------------

  function describe(name) {
    if (name === 'score') { return { label: 'Score (0–100)', unit: '' }; }
    const m = current ? GC.measure(current, name) : null;
    return m ? { label: m.label, unit: m.unit } : { label: name, unit: '' };
  }

  /** The chart for the score or one parameter, made the first time it is needed. */
  function chart(name) {
    let entry = charts.get(name);
    if (entry) { return entry.chart; }
    const card = el('section', 'chart-card' + (name === 'score' ? ' score-card' : ''));
    card.dataset.chart = name;
    const title = el('h3');
    const box = el('div', 'chart');
    card.append(title, box);
    document.getElementById('charts').append(card);
    const what = describe(name);
    const options = name === 'score'
      ? { height: 220, hours: hours, y: [0, 100], unit: '',
        series: [{ label: 'score', stroke: '#e8eef8', width: 2 }] }
      : { height: 180, hours: hours, y: null, unit: what.unit,
        series: [{ label: 'mean', stroke: '#8ab4ff', width: 2 }, { label: 'highest', stroke: 'rgba(255, 255, 255, .5)', width: 1, dash: [6, 4] }] };
    entry = { card: card, title: title, chart: new GC.TimeChart(box, options) };
    charts.set(name, entry);
    return entry.chart;
  }

  /** Titles with the current value, and the cards in the measures' order. */
  function order() {
    const names = ['score'].concat(current ? sorted(current.measures || []).map(m => m.name) : []);
    [...charts.keys()].filter(n => !names.includes(n)).sort().forEach(n => names.push(n));
    const container = document.getElementById('charts');
    names.filter(n => charts.has(n)).forEach(n => {
      const entry = charts.get(n);
      const what = describe(n);
      const m = current && n !== 'score' ? GC.measure(current, n) : null;
      const now = n === 'score' ? (current && GC.scored(current) ? current.score.toFixed(1) : '–')
        : m ? GC.value(m.value, m.unit) + (m.level ? ' · level ' + m.level : '') : '';
      entry.title.replaceChildren(el('span', '', what.label), el('span', 'current', now));
      container.append(entry.card);
    });
  }

  async function loadHistory() {
    const note = document.getElementById('history-note');
    note.textContent = 'Loading…';
    const wanted = hours;
    const history = await GC.history(org, wanted);
    if (wanted !== hours) { return; }
    if (!history.available) {
      charts.forEach(entry => entry.chart.history([], wanted));
      note.textContent = history.note + ': the charts show the values received since this page opened.';
      return;
    }
    const body = history.body;
    chart('score').history(body.score.map(p => [GC.seconds(p.at), nullable(p.score)]), wanted);
    Object.entries(body.parameters || {}).forEach(([name, points]) => {
      chart(name).history(points.map(p => [GC.seconds(p.at), nullable(p.value), nullable(p.max)]), wanted);
    });
    charts.forEach((entry, name) => {
      if (name !== 'score' && !(body.parameters || {})[name]) { entry.chart.history([], wanted); }
    });
    order();
    note.textContent = 'Each point is a ' + bucketWords(body.bucket) + ' bucket: the mean, and the highest as a dashed line.';
  }

  function nullable(v) {
    return v === undefined ? null : v;
  }

  function bucketWords(bucket) {
    const match = /^PT(\d+)([HM])$/.exec(bucket || '');
    return match ? match[1] + (match[2] === 'H' ? ' h' : ' min') : String(bucket);
  }

  document.querySelectorAll('.ranges button').forEach(button => button.addEventListener('click', () => {
    hours = Number(button.dataset.hours);
    document.querySelectorAll('.ranges button').forEach(b => b.setAttribute('aria-pressed', String(b === button)));
    loadHistory();
  }));

  document.addEventListener('keydown', event => {
    if (event.key === 'Escape') { location.assign('/wall'); }
  });

  // Live ---------------------------------------------------------------------------------------------

  async function prepare() {
    await GC.session.signedIn();
    staleLimit = await GC.trustStaleness();
  }

  async function start() {
    await GC.untilReady(prepare, document.getElementById('connection'));
    GC.session.badge(document.getElementById('who'));
    setInterval(renderAge, 5000);
    setInterval(() => charts.forEach(entry => entry.chart.draw()), 60000);
    chart('score');
    loadHistory();
    GC.live({
      channels: ['pressure.trust'],
      filter: { org: org },
      onSnapshot: (channel, items) => {
        const mine = items.find(i => i.key === org);
        if (mine) {
          render(mine.data);
        } else if (!current) {
          document.getElementById('waiting').textContent = 'No figures for ' + org + ' yet, or it is outside your area.';
        }
      },
      onUpdate: (channel, key, data) => { if (key === org) { render(data); } },
      onForbidden: () => {
        document.getElementById('waiting').textContent = 'Your roles do not include trust pressure.';
      },
      onState: (state, text) => {
        const connection = document.getElementById('connection');
        connection.className = 'connection ' + state;
        connection.textContent = text;
      }
    });
  }

  start();
}());
