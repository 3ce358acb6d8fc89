'use strict';
// What every page shares: who is signed in, the navigation for their role, calls to the API
// (with the CSRF token on every change), the words for every code, the builders every form is
// made with, and showing problems in words.
const App = (function () {
  const NAV = {
    referrer: [['/find.html', 'Find a place'], ['/referrals.html', 'Referrals'], ['/alerts.html', 'Alerts']],
    host: [['/referrals.html', 'Referrals to you'], ['/places.html', 'Your places'], ['/alerts.html', 'Alerts']],
    commissioner: [['/uptake.html', 'Uptake'], ['/referrals.html', 'Referrals']],
    admin: [['/uptake.html', 'Uptake'], ['/referrals.html', 'Referrals'], ['/places.html', 'Places'], ['/listings.html', 'Listings'],
      ['/imports.html', 'Imports'], ['/people.html', 'People'], ['/audit.html', 'Audit'], ['/retention.html', 'Retention'],
      ['/subject-access.html', 'Subject access'], ['/dead-letters.html', 'Dead letters']]
  };

  // The vocabulary of the reason a referral was closed or paused with, by the status it went to
  const REASONS = { rejected: 'reject-reason', cancelled: 'cancel-reason', failed: 'fail-reason', 'on-hold': 'hold-reason' };

  const vocabularies = new Map();

  const UNREACHABLE = Object.freeze({ detail: 'Community places cannot be reached. Check your connection and try again.' });

  // Screen readers say the page title first: a form in error says so there, as GOV.UK's pattern does
  const TITLE_IN_ERROR = 'Error: ';

  // How to take away, for each problem box, the messages it placed beside fields
  const beside = new Map();

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

  /**
   * Shows a problem in the GOV.UK error pattern: a summary headed "There is a problem" in box,
   * which takes focus. With fields, a map from the API's field paths (person.firstName) to the
   * ids of the form's controls or groups of tick boxes (firstName), each error about a field
   * links from the summary to its control and is said again above it, in the service's words.
   * Without fields, the problem is listed as the API gave it. What an earlier problem placed
   * beside fields is cleared first.
   */
  function showProblem(box, problem, fields) {
    clearProblem(box);
    const errors = problem && Array.isArray(problem.errors) ? problem.errors : [];
    const detail = problem && (problem.detail || problem.title) ? (problem.detail || problem.title) : 'Something went wrong.';
    const saysItAll = fields && errors.length > 0 && errors.every((error) => error.field);
    const list = make('ul', { className: 'error-summary-list' });
    if (!saysItAll) {
      list.appendChild(make('li', {}, detail));
    }
    const placed = new Map();
    errors.forEach((error) => {
      const message = error.message || error.detail || '';
      const place = fields ? fieldFor(fields, error.field) : null;
      if (!place) {
        list.appendChild(make('li', {}, (error.field && !fields ? error.field + ': ' : '') + message));
      } else if (!placed.has(place.control)) {
        placed.set(place.control, { place, message });
      }
    });
    // In the order of the form, one message for each control
    Array.from(placed.keys())
      .sort((one, other) => (one.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
      .forEach((control) => {
        const { place, message } = placed.get(control);
        list.appendChild(make('li', {}, summaryLink(place, message)));
        sayBeside(box, place, message);
      });
    if (placed.size > 0 && !document.title.startsWith(TITLE_IN_ERROR)) {
      document.title = TITLE_IN_ERROR + document.title;
    }
    box.replaceChildren(make('h2', {}, 'There is a problem'), list);
    box.hidden = false;
    box.focus();
  }

  /** Hides the problem in box, and takes away what it said beside the fields. */
  function clearProblem(box) {
    box.hidden = true;
    (beside.get(box) || []).forEach((undo) => undo());
    beside.delete(box);
    if (document.title.startsWith(TITLE_IN_ERROR)) {
      document.title = document.title.substring(TITLE_IN_ERROR.length);
    }
  }

  /**
   * The control an error's field path is about, found through the map by the path itself or
   * by the list the path is an item of (person.needs[0] is about person.needs): the control to
   * focus, the group to mark in error (a group of tick boxes, or a control's line) and the
   * label or legend naming it.
   */
  function fieldFor(fields, path) {
    if (!path) {
      return null;
    }
    const id = fields[path] || fields[path.replace(/\[\d+\]$/, '')];
    const found = id ? document.getElementById(id) : null;
    if (!found) {
      return null;
    }
    if (found.tagName === 'FIELDSET') {
      const control = found.querySelector('input, select, textarea');
      return control ? { control, group: found, caption: found.querySelector('legend') } : null;
    }
    return { control: found, group: found.parentElement, caption: document.querySelector('label[for="' + found.id + '"]') };
  }

  /** A link from the summary that moves focus to the control, its label or legend in view. */
  function summaryLink(place, message) {
    const link = make('a', { href: '#' + place.control.id }, message);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      (place.caption || place.control).scrollIntoView();
      place.control.focus({ preventScroll: true });
    });
    return link;
  }

  /**
   * The message above the control (after its label and hint; after the legend and hint of a
   * group, described by it), the group marked in error.
   */
  function sayBeside(box, place, message) {
    const described = place.group.tagName === 'FIELDSET' ? place.group : place.control;
    const said = make('span', { className: 'error-message', id: (described.id || place.control.id) + '-error' },
      make('span', { className: 'visually-hidden' }, 'Error: '), message);
    if (described !== place.group) {
      place.control.before(said);
    } else if (place.caption) {
      const hint = place.caption.nextElementSibling;
      (hint && hint.classList.contains('hint') ? hint : place.caption).after(said);
    } else {
      place.group.prepend(said);
    }
    const before = described.getAttribute('aria-describedby');
    described.setAttribute('aria-describedby', before ? before + ' ' + said.id : said.id);
    place.group.classList.add('field-error');
    const undo = () => {
      said.remove();
      place.group.classList.remove('field-error');
      if (before) {
        described.setAttribute('aria-describedby', before);
      } else {
        described.removeAttribute('aria-describedby');
      }
    };
    beside.set(box, (beside.get(box) || []).concat(undo));
  }

  function when(instant) {
    return instant ? new Date(instant).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' }) : '';
  }

  /** Words for a code that is no vocabulary's, such as a role or an audit outcome: its first letter a capital, hyphens spaces. */
  function words(code) {
    return code ? code.replace(/-/g, ' ').replace(/^./, (first) => first.toUpperCase()) : '';
  }

  return {
    UNREACHABLE, api, start, csrfToken, terms, label, reason, element, make, table, percent, showProblem, clearProblem, when, words,
    form, field, input, select, check, choice, group, button, status, ticked
  };
}());
