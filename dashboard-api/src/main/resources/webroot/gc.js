// Helpers shared by the wall, the trust detail view and the sign-in page: building elements,
// saying how old a figure is, formatting a measure, and the rule that marks a trust STALE.
(function () {
  'use strict';
  const GC = window.GC = window.GC || {};

  /** An element with an optional class and text. */
  GC.el = function (tag, cls, text) {
    const el = document.createElement(tag);
    if (cls) { el.className = cls; }
    if (text !== undefined && text !== null) { el.textContent = text; }
    return el;
  };

  /** "just now", "4 min ago", "2 h 5 min ago", "3 d 4 h ago". */
  GC.age = function (iso, now) {
    const minutes = Math.max(0, Math.floor(((now || Date.now()) - Date.parse(iso)) / 60000));
    if (minutes < 1) { return 'just now'; }
    if (minutes < 60) { return minutes + ' min ago'; }
    const hours = Math.floor(minutes / 60);
    if (hours < 48) { return hours + ' h ' + (minutes % 60) + ' min ago'; }
    return Math.floor(hours / 24) + ' d ' + (hours % 24) + ' h ago';
  };

  /** 24-hour local clock time, with the date when it is not today. */
  GC.clock = function (iso) {
    if (!iso) { return '–'; }
    const d = new Date(iso);
    const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
    return d.toDateString() === new Date().toDateString() ? time
      : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' }) + ' ' + time;
  };

  /** A measure's value with its unit: 99.3%, 20.6 min, 803 beds. */
  GC.value = function (value, unit) {
    if (value === undefined || value === null) { return '–'; }
    const number = Number.isInteger(value) ? String(value) : value.toFixed(1);
    if (unit === '%') { return number + '%'; }
    if (unit === 'minutes') { return number + ' min'; }
    return unit ? number + ' ' + unit : number;
  };

  /** The measure with this name, or null. */
  GC.measure = function (data, name) {
    return (data.measures || []).find(m => m.name === name) || null;
  };

  /** Whether the trust's figures are in the score: a scored trust has an OPEL level. */
  GC.scored = function (data) {
    return data.opelLevel !== undefined && data.opelLevel !== null;
  };

  /**
   * The wall's staleness rule (docs/wall.md): a trust is STALE when none of its measures carries a
   * level (every scored parameter is past its staleness limit in the scoring table, so nothing
   * fresh is left in the score), or when its newest figure (asAt) is older than the limit in
   * trust-staleness.json. Answers {stale, reason}.
   */
  GC.staleness = function (data, limitMinutes, now) {
    const ageMinutes = ((now || Date.now()) - Date.parse(data.asAt)) / 60000;
    if (!(data.measures || []).some(m => m.level !== undefined && m.level !== null)) {
      return { stale: true, reason: 'No fresh figure left in the score: every parameter is past its staleness limit' };
    }
    if (ageMinutes > limitMinutes) {
      return { stale: true, reason: 'Newest figure is ' + GC.age(data.asAt, now).replace(' ago', '') + ' old (limit '
        + limitMinutes + ' min)' };
    }
    return { stale: false, reason: '' };
  };

  /**
   * Runs setup until it succeeds, for a screen that boots before its server is up: between tries,
   * growing from 2 to 30 seconds, the status element says the server cannot be reached.
   */
  GC.untilReady = async function (setup, status) {
    for (let wait = 2000; ; wait = Math.min(wait * 2, 30000)) {
      try {
        return await setup();
      } catch (e) {
        status.className = 'connection reconnecting';
        status.textContent = 'Server unreachable, retrying…';
        await new Promise(resolve => setTimeout(resolve, wait));
      }
    }
  };

  /** The limit behind the asAt part of the rule, from trust-staleness.json (data, not code). */
  GC.trustStaleness = function () {
    return fetch('/pages/trust-staleness.json').then(r => r.json()).then(limits => limits.asAtMinutes);
  };
}());
