'use strict';
// What every page shares: who is signed in, the navigation for their role, calls to the API
// (with the CSRF token on every change), and showing problems in words.
const App = (function () {
  const NAV = {
    referrer: [['/find.html', 'Find a place'], ['/referrals.html', 'Referrals'], ['/alerts.html', 'Alerts']],
    host: [['/referrals.html', 'Referrals to you'], ['/places.html', 'Your places'], ['/alerts.html', 'Alerts']],
    commissioner: [['/uptake.html', 'Uptake'], ['/referrals.html', 'Referrals']],
    admin: [['/uptake.html', 'Uptake'], ['/referrals.html', 'Referrals'], ['/places.html', 'Places'],
      ['/imports.html', 'Imports'], ['/people.html', 'People'], ['/audit.html', 'Audit'], ['/dead-letters.html', 'Dead letters']]
  };

  function csrfToken() {
    const cookie = document.cookie.split('; ').find((part) => part.startsWith('XSRF-TOKEN='));
    return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
  }

  /** Calls the API; resolves with the parsed answer, or rejects with the problem's words. */
  async function api(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET') {
      headers['X-XSRF-TOKEN'] = csrfToken();
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    let response;
    try {
      response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
    } catch (error) {
      throw { detail: 'Community places cannot be reached. Check your connection and try again.' };
    }
    if (response.status === 401) {
      window.location.assign('/sign-in.html?then=' + encodeURIComponent(window.location.pathname + window.location.search));
      throw { detail: 'Please sign in again.' };
    }
    const text = await response.text();
    const answer = text ? JSON.parse(text) : null;
    if (!response.ok) {
      throw answer || { detail: 'Something went wrong (' + response.status + ').' };
    }
    return answer;
  }

  /** The banner every page shares: the service's name, the role's navigation, who is signed in, sign out. */
  function banner(me, current) {
    const header = document.getElementById('banner');
    const name = element('p', null, 'service-name');
    const home = element('a', 'Community places');
    home.href = '/';
    name.appendChild(home);
    const nav = document.createElement('nav');
    nav.id = 'nav';
    nav.setAttribute('aria-label', 'Main');
    const account = element('div', null, 'account');
    const who = element('span', (me.name || me.username) + (me.organisationName ? ', ' + me.organisationName : ''));
    who.id = 'who';
    const signOut = document.createElement('form');
    signOut.id = 'sign-out';
    signOut.method = 'post';
    signOut.action = '/sign-out';
    const token = document.createElement('input');
    token.type = 'hidden';
    token.name = '_csrf';
    const button = element('button', 'Sign out', 'link-button');
    button.type = 'submit';
    signOut.append(token, button);
    signOut.addEventListener('submit', () => {
      token.value = csrfToken();
    });
    account.append(who, signOut);
    header.append(name, nav, account);
    const list = document.createElement('ul');
    (NAV[me.role] || []).forEach(([href, text]) => {
      const item = document.createElement('li');
      const link = element('a', text);
      link.href = href;
      if (href === current) {
        link.setAttribute('aria-current', 'page');
      }
      item.appendChild(link);
      list.appendChild(item);
    });
    nav.appendChild(list);
  }

  /**
   * Starts a page: the person signed in, and the banner for their role. A page that is not
   * for their role says so, rather than showing them a page of refusals.
   */
  async function start(current, roles) {
    const me = await api('GET', '/api/me');
    banner(me, current);
    if (roles && !roles.includes(me.role)) {
      const main = document.getElementById('main');
      main.replaceChildren(element('h1', 'This page is not for you'),
        element('p', 'Your role does not use this page. The links above are the pages for you.'));
      throw new Error('not for this role');
    }
    return me;
  }

  /**
   * A table with a caption and column headings; each row is a list of cells, each a text or an
   * element. The first cell of a row heads it.
   */
  function table(caption, headings, rows) {
    const made = document.createElement('table');
    made.appendChild(element('caption', caption));
    const head = document.createElement('thead');
    const headRow = document.createElement('tr');
    headings.forEach((heading) => {
      const cell = element('th', heading);
      cell.scope = 'col';
      headRow.appendChild(cell);
    });
    head.appendChild(headRow);
    const body = document.createElement('tbody');
    rows.forEach((row) => {
      const line = document.createElement('tr');
      row.forEach((value, index) => {
        const cell = document.createElement(index === 0 ? 'th' : 'td');
        if (index === 0) {
          cell.scope = 'row';
        }
        if (value instanceof Node) {
          cell.appendChild(value);
        } else {
          cell.textContent = value === null || value === undefined ? '–' : String(value);
        }
        line.appendChild(cell);
      });
      body.appendChild(line);
    });
    made.append(head, body);
    const wrapper = element('div', null, 'table-wrapper');
    wrapper.tabIndex = 0;
    wrapper.setAttribute('role', 'region');
    wrapper.setAttribute('aria-label', caption);
    wrapper.appendChild(made);
    return wrapper;
  }

  function percent(share) {
    return share === null || share === undefined ? null : Math.round(share * 100) + '%';
  }

  function element(tag, text, className) {
    const made = document.createElement(tag);
    if (text !== undefined && text !== null) {
      made.textContent = text;
    }
    if (className) {
      made.className = className;
    }
    return made;
  }

  /** Shows a problem at the top of the form, naming the fields it is about, and moves focus to it. */
  function showProblem(box, problem) {
    box.replaceChildren();
    box.appendChild(element('h2', 'There is a problem'));
    const list = document.createElement('ul');
    const detail = problem && (problem.detail || problem.title) ? (problem.detail || problem.title) : 'Something went wrong.';
    list.appendChild(element('li', detail));
    (problem && problem.errors ? problem.errors : []).forEach((error) => {
      list.appendChild(element('li', (error.field ? error.field + ': ' : '') + (error.message || error.detail || '')));
    });
    box.appendChild(list);
    box.hidden = false;
    box.focus();
  }

  function when(instant) {
    return instant ? new Date(instant).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' }) : '';
  }

  function words(code) {
    return code ? code.replace(/-/g, ' ').replace(/^./, (first) => first.toUpperCase()) : '';
  }

  return { api, start, element, table, percent, showProblem, when, words, csrfToken };
}());
