'use strict';
(async function () {
  const me = await App.start('/referrals.html');
  const problem = document.getElementById('problem');
  const list = document.getElementById('list');
  const count = document.getElementById('count');
  const host = me.role === 'host';
  // Only referrers see the person's name, so only they look for someone by it
  const byName = me.role === 'referrer';
  const PAGE_SIZE = 20;
  // The list is kept in the page's address, so Back from a referral returns to the same list
  const asked = new URLSearchParams(window.location.search);
  const FILTERS = ['name', 'status', 'place', 'from', 'to'];
  // The API's parameters, each to the control that sets it
  const FIELDS = { name: 'person-name', status: 'status-filter', from: 'from', to: 'to' };
  if (host) {
    document.getElementById('heading').textContent = 'Referrals to your places';
  }

  const made = host ? 'Sent' : 'Made';
  const form = App.form({ id: 'filters', className: 'inline-form' }, [
    byName ? App.field('Their name', App.input({ id: 'person-name', name: 'name', type: 'search', maxLength: 100 })) : null,
    App.field('Status', App.select({ id: 'status-filter', name: 'status' },
      // A host is never sent a draft
      App.terms('referral-status').filter((term) => !host || term.code !== 'draft'), 'Any status')),
    App.field(made + ' on or after', App.input({ id: 'from', name: 'from', type: 'date' })),
    App.field(made + ' on or before', App.input({ id: 'to', name: 'to', type: 'date' })),
    App.button(byName ? 'Search' : 'Filter'),
    App.make('a', { href: '/referrals.html', id: 'clear-filters' }, 'Clear filters')
  ].filter(Boolean), () => {
    const chosen = filtersOf(form);
    if (asked.get('place')) {
      chosen.set('place', asked.get('place'));
    }
    show(chosen, 0);
  });
  form.setAttribute('role', 'search');
  form.setAttribute('aria-label', 'Referrals');
  problem.before(form);
  const placeLine = App.make('p', { id: 'place-filter', hidden: true });
  problem.before(placeLine);
  const pages = App.make('nav', { id: 'pages', className: 'row-actions', hidden: true });
  pages.setAttribute('aria-label', 'Pages of referrals');
  list.after(pages);

  /** The filters chosen in the form, in the API's words; empty ones left out. */
  function filtersOf(chosenIn) {
    const chosen = new URLSearchParams();
    Array.from(chosenIn.elements).filter((control) => FILTERS.includes(control.name) && control.value.trim())
      .forEach((control) => chosen.set(control.name, control.value.trim()));
    return chosen;
  }

  /** Days left to answer, in words, from the deadline the server set. */
  function daysLeft(respondBy) {
    const days = Math.ceil((new Date(respondBy) - Date.now()) / 86400000);
    return days <= 0 ? 'due today' : days === 1 ? '1 day left' : days + ' days left';
  }

  /** An address of this list, with these filters and this page. */
  function address(chosen, page) {
    const query = new URLSearchParams(chosen);
    if (page > 0) {
      query.set('page', String(page));
    }
    const text = query.toString();
    return '/referrals.html' + (text ? '?' + text : '');
  }

  /**
   * One referral; its name is a heading one level below the list's own heading. Two people of
   * the same name are told apart by their age and district (for referrers), the day and the reference.
   */
  function card(referral, level, chosen) {
    const item = App.element('li', null, 'card');
    const heading = App.element(level);
    // A person whose details were erased has no name left: the referral is named by its place alone
    const name = referral.person ? [referral.person.firstName, referral.person.lastName].filter(Boolean).join(' ') : '';
    const link = App.element('a', (name ? name + ' to ' : '') + referral.place.name);
    link.href = '/referral.html?id=' + encodeURIComponent(referral.id);
    heading.appendChild(link);
    item.appendChild(heading);
    item.appendChild(App.element('p', App.label('referral-status', referral.status), 'status status-' + referral.status));
    if (referral.status === 'requested' && referral.respondBy) {
      item.appendChild(App.element('p', 'Answer by ' + App.when(referral.respondBy) + ' (' + daysLeft(referral.respondBy) + ')'));
    }
    const person = referral.person || {};
    const about = [person.ageBand ? 'Age ' + App.label('age-band', person.ageBand) : null, person.postcodeDistrict];
    const when = host ? referral.requestedAt : referral.createdAt;
    if (when) {
      about.push(made + ' ' + App.when(when));
    }
    about.push('Reference ' + referral.id.slice(-6).toUpperCase());
    item.appendChild(App.element('p', about.filter(Boolean).join(' · '), 'muted'));
    if (!chosen.get('place')) {
      const narrowed = new URLSearchParams(chosen);
      narrowed.set('place', referral.place.id);
      item.appendChild(App.make('p', {}, App.make('a', { href: address(narrowed, 0) }, 'Only referrals to ' + referral.place.name)));
    }
    return item;
  }

  /** The list with these filters, at this page, kept in the address. */
  async function show(chosen, page) {
    App.clearProblem(problem);
    window.history.replaceState(null, '', address(chosen, page));
    const query = new URLSearchParams(chosen);
    query.set('page', String(page));
    query.set('size', String(PAGE_SIZE));
    // A host answers first what still needs an answer, soonest deadline first, whichever page they are on
    const waitingFirst = host && !chosen.get('status');
    let referrals;
    let waiting = [];
    try {
      referrals = await App.api('GET', '/api/referrals?' + query);
      if (waitingFirst && page === 0) {
        const asking = new URLSearchParams(chosen);
        asking.set('status', 'requested');
        asking.set('size', '200');
        waiting = await App.api('GET', '/api/referrals?' + asking);
      }
    } catch (failure) {
      App.showProblem(problem, failure, FIELDS);
      return;
    }
    const others = waitingFirst ? referrals.filter((referral) => referral.status !== 'requested') : referrals;
    const filtered = FILTERS.some((name) => chosen.get(name));
    const shown = waiting.length + others.length;
    count.textContent = shown === 0 && page === 0 ? (filtered ? 'No referrals match.' : 'There are no referrals yet.')
      : shown === 0 ? 'No more referrals.'
        : page === 0 && referrals.length < PAGE_SIZE ? (shown === 1 ? '1 referral' : shown + ' referrals')
          : 'Page ' + (page + 1) + ': ' + (shown === 1 ? '1 referral' : shown + ' referrals');

    ['waiting-heading', 'waiting', 'others-heading'].forEach((id) => {
      const before = document.getElementById(id);
      if (before) {
        before.remove();
      }
    });
    if (waiting.length) {
      list.before(App.make('h2', { id: 'waiting-heading' }, waiting.length === 1 ? '1 needs an answer' : waiting.length + ' need an answer'));
      const first = App.make('ul', { id: 'waiting', className: 'cards' });
      waiting.forEach((referral) => first.appendChild(card(referral, 'h3', chosen)));
      list.before(first);
      if (others.length) {
        list.before(App.make('h2', { id: 'others-heading' }, 'Answered'));
      }
    }
    list.replaceChildren(...others.map((referral) => card(referral, waiting.length ? 'h3' : 'h2', chosen)));

    const placeName = chosen.get('place') && (waiting.concat(others)[0] || { place: { name: 'this place' } }).place.name;
    placeLine.hidden = !placeName;
    if (placeName) {
      const everyPlace = new URLSearchParams(chosen);
      everyPlace.delete('place');
      placeLine.replaceChildren('Only referrals to ' + placeName + '. ', App.make('a', { href: address(everyPlace, 0) }, 'Show every place'));
    }
    const links = [];
    if (page > 0) {
      links.push(App.make('a', { href: address(chosen, page - 1), rel: 'prev' }, 'Previous page'));
    }
    if (referrals.length === PAGE_SIZE) {
      links.push(App.make('a', { href: address(chosen, page + 1), rel: 'next' }, 'Next page'));
    }
    pages.replaceChildren(...links);
    pages.hidden = links.length === 0;
  }

  // The form as the address has it
  FILTERS.forEach((name) => {
    const control = document.getElementById(FIELDS[name] || '');
    if (control) {
      control.value = asked.get(name) || '';
    }
  });
  const chosen = new URLSearchParams();
  FILTERS.filter((name) => asked.get(name)).forEach((name) => chosen.set(name, asked.get(name)));
  const page = /^\d{1,4}$/.test(asked.get('page') || '') ? Number(asked.get('page')) : 0;
  await show(chosen, page);
}());
