'use strict';
// What every page shares: who is signed in, the navigation for their role, calls to the API
// (with the CSRF token on every change), the words for every code, the builders every form is
// made with, and showing problems in words.
const App = (function () {
  const NAV = {
    referrer: [['/find.html', 'Find a place'], ['/referrals.html', 'Referrals'], ['/alerts.html', 'Alerts']],
    host: [['/referrals.html', 'Referrals to you'], ['/places.html', 'Your places'], ['/alerts.html', 'Alerts']],
    commissioner: [['/uptake.html', 'Uptake'], ['/referrals.html', 'Referrals']],
    admin: [['/uptake.html', 'Uptake'], ['/referrals.html', 'Referrals'], ['/places.html', 'Places'],
      ['/imports.html', 'Imports'], ['/people.html', 'People'], ['/audit.html', 'Audit'], ['/dead-letters.html', 'Dead letters']]
  };

  // The vocabulary of the reason a referral was closed or paused with, by the status it went to
  const REASONS = { rejected: 'reject-reason', cancelled: 'cancel-reason', failed: 'fail-reason', 'on-hold': 'hold-reason' };

  const vocabularies = new Map();

  const UNREACHABLE = Object.freeze({ detail: 'Community places cannot be reached. Check your connection and try again.' });

  function csrfToken() {
    const cookie = document.cookie.split('; ').find((part) => part.startsWith('XSRF-TOKEN='));
    return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
  }

  // The Idempotency-Key of each POST not yet answered for sure, by what it sends
  const unsettled = new Map();

  /**
   * The Idempotency-Key of a submission: a new one for each thing sent, the same one while the
   * same thing is sent again after no clear answer (a timeout, a lost connection), so a retry
   * never makes a second referral.
   */
  function idempotencyKey(sent) {
    if (!unsettled.has(sent)) {
      const random = crypto.getRandomValues(new Uint8Array(16));
      unsettled.set(sent, Array.from(random, (byte) => byte.toString(16).padStart(2, '0')).join(''));
    }
    return unsettled.get(sent);
  }

  /**
   * Calls the API; resolves with the parsed answer, or rejects with the problem (its words, and
   * the status). With options.ifMatch, sends it as If-Match; with options.withVersion, resolves
   * with { answer, version }, the version from the answer's ETag. Every POST carries an
   * Idempotency-Key, kept until the service has answered it for sure.
   */
  async function api(method, path, body, options) {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET') {
      headers['X-XSRF-TOKEN'] = csrfToken();
    }
    const sent = method + ' ' + path + ' ' + JSON.stringify(body === undefined ? null : body);
    if (method === 'POST') {
      headers['Idempotency-Key'] = idempotencyKey(sent);
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (options && options.ifMatch) {
      headers['If-Match'] = options.ifMatch;
    }
    let response;
    try {
      response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
    } catch (error) {
      throw UNREACHABLE;
    }
    if (response.status < 500) {
      unsettled.delete(sent);
    }
    if (response.status === 401) {
      window.location.assign('/sign-in.html?then=' + encodeURIComponent(window.location.pathname + window.location.search));
      throw { status: 401, detail: 'Please sign in again.' };
    }
    const text = await response.text();
    const answer = text ? JSON.parse(text) : null;
    if (!response.ok) {
      throw Object.assign({ detail: 'Something went wrong (' + response.status + ').' }, answer, { status: response.status });
    }
    return options && options.withVersion ? { answer, version: response.headers.get('ETag') } : answer;
  }

  /** Fills in the banner of the layout: the role's navigation, who is signed in, and signing out. */
  function banner(me, current) {
    const list = document.getElementById('nav-links');
    (NAV[me.role] || []).forEach(([href, text]) => {
      const link = make('a', { href }, text);
      if (href === current) {
        link.setAttribute('aria-current', 'page');
      }
      list.appendChild(make('li', {}, link));
    });
    document.getElementById('who').textContent = (me.name || me.username) + (me.organisationName ? ', ' + me.organisationName : '');
    const signOut = document.getElementById('sign-out');
    signOut.addEventListener('submit', () => {
      signOut._csrf.value = csrfToken();
    });
    document.getElementById('nav').hidden = false;
    document.getElementById('account').hidden = false;
  }

  /**
   * Starts a page: the person signed in, the vocabularies, and the banner for their role. A
   * page that is not for their role says so, rather than showing them a page of refusals.
   */
  async function start(current, roles) {
    const me = await api('GET', '/api/me');
    JSON.parse(document.getElementById('vocabularies').textContent)
      .forEach((vocabulary) => vocabularies.set(vocabulary.code, vocabulary));
    banner(me, current);
    if (roles && !roles.includes(me.role)) {
      const main = document.getElementById('main');
      main.replaceChildren(element('h1', 'This page is not for you'),
        element('p', 'Your role does not use this page. The links above are the pages for you.'));
      throw new Error('not for this role');
    }
    return me;
  }

  /** The terms of a vocabulary of the contract, each { code, name, description }. */
  function terms(vocabulary) {
    const found = vocabularies.get(vocabulary);
    return found ? found.terms : [];
  }

  /** The words for a code of a vocabulary; the code in words when the vocabulary has no such term. */
  function label(vocabulary, code) {
    const term = terms(vocabulary).find((candidate) => candidate.code === code);
    return term ? term.name : words(code);
  }

  /** The words for the reason a referral went to this status with. */
  function reason(status, code) {
    return REASONS[status] ? label(REASONS[status], code) : words(code);
  }

  /**
   * A table with a caption and column headings; each row is a list of cells, each a text or an
   * element. The first cell of a row heads it.
   */
  function table(caption, headings, rows) {
    const headRow = make('tr', {}, ...headings.map((heading) => make('th', { scope: 'col' }, heading)));
    const body = make('tbody', {}, ...rows.map((row) => make('tr', {}, ...row.map((value, index) => {
      const cell = index === 0 ? make('th', { scope: 'row' }) : make('td');
      if (value instanceof Node) {
        cell.appendChild(value);
      } else {
        cell.textContent = value === null || value === undefined ? '–' : String(value);
      }
      return cell;
    }))));
    const wrapper = make('div', { className: 'table-wrapper', tabIndex: 0 },
      make('table', {}, make('caption', {}, caption), make('thead', {}, headRow), body));
    wrapper.setAttribute('role', 'region');
    wrapper.setAttribute('aria-label', caption);
    return wrapper;
  }

  function percent(share) {
    return share === null || share === undefined ? null : Math.round(share * 100) + '%';
  }

  function element(tag, text, className) {
    return make(tag, className ? { className } : {}, text);
  }

  /** An element with these properties (id, name, type, value, className, required...) and children, each an element or a text. */
  function make(tag, properties, ...children) {
    const made = Object.assign(document.createElement(tag), properties);
    children.filter((child) => child !== null && child !== undefined && child !== false)
      .forEach((child) => made.append(child instanceof Node ? child : String(child)));
    return made;
  }

  // The builders every form is made with

  /** A form; onSubmit is called with the form, the browser's own sending prevented. */
  function form(properties, children, onSubmit) {
    const made = make('form', properties, ...children);
    made.addEventListener('submit', (event) => {
      event.preventDefault();
      onSubmit(made);
    });
    return made;
  }

  /** A labelled control on its own line, with a hint under the label when there is one. */
  function field(text, control, hint) {
    const line = make('p', {}, make('label', { htmlFor: control.id }, text));
    if (hint) {
      const note = make('span', { className: 'hint', id: control.id + '-hint' }, hint);
      control.setAttribute('aria-describedby', note.id);
      line.appendChild(note);
    }
    line.appendChild(control);
    return line;
  }

  /** A text box (or another type of input); nothing is filled in from the browser's memory unless asked. */
  function input(properties) {
    return make('input', Object.assign({ type: 'text', autocomplete: 'off' }, properties));
  }

  /** A drop-down of terms ({ code, name }), with a first choice of nothing when placeholder is given. */
  function select(properties, choices, placeholder) {
    const made = make('select', properties);
    if (placeholder !== undefined) {
      made.appendChild(make('option', { value: '' }, placeholder));
    }
    choices.forEach((term) => made.appendChild(make('option', { value: term.code }, term.name)));
    return made;
  }

  /** One tick box or radio button with its label; properties name its id, name, value and type. */
  function check(properties, text) {
    const box = make('input', Object.assign({ type: 'checkbox' }, properties));
    return make('p', { className: 'checkbox' }, box, make('label', { htmlFor: box.id }, text));
  }

  /**
   * A group of tick boxes under a legend, one for each term, each box's id name-code; properties
   * for every box, such as { type: 'radio', required: true }.
   */
  function choice(legend, name, choices, properties) {
    return group(legend, choices.map((term) => check(Object.assign({ id: name + '-' + term.code, name, value: term.code }, properties), term.name)));
  }

  /** Controls that belong together, under a legend. */
  function group(legend, children) {
    return make('fieldset', {}, make('legend', {}, legend), ...children);
  }

  /** A button; a submit button unless properties say otherwise. */
  function button(text, properties) {
    return make('button', Object.assign({ type: 'submit' }, properties), text);
  }

  /** A line whose changes are read out, for what a form did. */
  function status(properties) {
    const line = make('p', properties);
    line.setAttribute('role', 'status');
    line.setAttribute('aria-live', 'polite');
    return line;
  }

  /** The values of the ticked boxes with this name in a form. */
  function ticked(made, name) {
    return Array.from(made.querySelectorAll('input[name="' + name + '"]:checked')).map((box) => box.value);
  }

  /** Shows a problem at the top of the form, naming the fields it is about, and moves focus to it. */
  function showProblem(box, problem) {
    const detail = problem && (problem.detail || problem.title) ? (problem.detail || problem.title) : 'Something went wrong.';
    const list = make('ul', {}, make('li', {}, detail));
    (problem && problem.errors ? problem.errors : []).forEach((error) => {
      list.appendChild(make('li', {}, (error.field ? error.field + ': ' : '') + (error.message || error.detail || '')));
    });
    box.replaceChildren(make('h2', {}, 'There is a problem'), list);
    box.hidden = false;
    box.focus();
  }

  function when(instant) {
    return instant ? new Date(instant).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' }) : '';
  }

  /** Words for a code that is no vocabulary's, such as a role or an audit outcome: its first letter a capital, hyphens spaces. */
  function words(code) {
    return code ? code.replace(/-/g, ' ').replace(/^./, (first) => first.toUpperCase()) : '';
  }

  return {
    UNREACHABLE, api, start, csrfToken, terms, label, reason, element, make, table, percent, showProblem, when, words,
    form, field, input, select, check, choice, group, button, status, ticked
  };
}());
