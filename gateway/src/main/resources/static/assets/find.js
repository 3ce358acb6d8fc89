'use strict';
(async function () {
  const me = await App.start('/find.html');
  const problem = document.getElementById('problem');
  const results = document.getElementById('results');
  const count = document.getElementById('result-count');
  // The search is kept in the page's address, so Back from a place or a referral form returns to it
  const asked = new URLSearchParams(window.location.search);
  // Choosing another place for someone whose referral was declined or expired
  const again = asked.get('again');
  if (again && me.role === 'referrer') {
    document.querySelector('h1').textContent = 'Find another place';
    document.querySelector('h1').after(App.element('p', 'Their details and consent are carried over from the earlier referral.', 'lead'));
  }

  const form = App.form({ id: 'search', className: 'search' }, [
    App.field('What are they interested in?', App.input({ id: 'q', name: 'q', type: 'search', placeholder: 'For example: knitting, walking, quiz' })),
    App.field('Their postcode', App.input({ id: 'postcode', name: 'postcode', className: 'short' }),
      'Used only to show places near them. The service does not store it.'),
    App.field('Kind of place', App.select({ id: 'kind', name: 'kind' }, App.terms('place-kind'), 'Any')),
    App.choice('Their access needs', 'accessibility', App.terms('accessibility')),
    App.group('Room', [App.check({ id: 'has-capacity', name: 'hasCapacity', value: 'true' }, 'A place with room now')]),
    App.make('p', {}, App.button('Search'))
  ], search);
  form.setAttribute('role', 'search');
  problem.before(form);

  const SEARCHED = ['q', 'postcode', 'kind', 'accessibility', 'hasCapacity'];

  if (SEARCHED.some((name) => asked.has(name))) {
    fill(asked);
    await search();
  } else if (again && me.role === 'referrer') {
    await searchForTheEarlierReferral();
  }

  /** The form as the address has it. */
  function fill(query) {
    ['q', 'postcode', 'kind'].forEach((name) => {
      form[name].value = query.get(name) || '';
    });
    const needs = query.getAll('accessibility');
    form.querySelectorAll('input[name="accessibility"]').forEach((box) => {
      box.checked = needs.includes(box.value);
    });
    form.hasCapacity.checked = query.get('hasCapacity') === 'true';
  }

  /** The search as the form has it, in the words of the places API. */
  function query() {
    const made = new URLSearchParams();
    ['q', 'postcode', 'kind'].forEach((name) => {
      const value = form[name].value.trim();
      if (value) {
        made.set(name, value);
      }
    });
    App.ticked(form, 'accessibility').forEach((code) => made.append('accessibility', code));
    if (form.hasCapacity.checked) {
      made.set('hasCapacity', 'true');
    }
    return made;
  }

  /** Another place for the person of an earlier referral: near them, for what they enjoy and with their access needs. */
  async function searchForTheEarlierReferral() {
    try {
      const earlier = await App.api('GET', '/api/referrals/' + encodeURIComponent(again));
      const person = earlier.person || {};
      const names = (vocabulary, codes) => (codes || []).map((code) => App.label(vocabulary, code));
      fill(new URLSearchParams([['postcode', person.postcodeDistrict || ''], ['q', names('activity', (person.interests || []).slice(0, 3)).join(', ')]]
        .concat((person.accessibility || []).map((code) => ['accessibility', code]))));
      if (person.needs && person.needs.length) {
        form.before(App.element('p', 'What they need: ' + names('need', person.needs).join(', ') + '.'));
      }
      await search();
    } catch (failure) {
      App.showProblem(problem, failure);
    }
  }

  async function search() {
    problem.hidden = true;
    const made = query();
    const address = new URLSearchParams(made);
    if (again) {
      address.set('again', again);
    }
    window.history.replaceState(null, '', '/find.html?' + address);
    count.textContent = 'Searching…';
    try {
      // This page shows no counts by kind or need, so it does not ask the catalogue to make them
      const found = await App.api('GET', '/api/places/search?' + made + '&facets=false');
      show(found, made);
    } catch (failure) {
      count.textContent = '';
      App.showProblem(problem, failure);
    }
  }

  async function reRefer(hit) {
    problem.hidden = true;
    try {
      const referral = await App.api('POST', '/api/referrals/' + encodeURIComponent(again) + '/re-referrals', { placeId: hit.id });
      window.location.assign('/referral.html?id=' + encodeURIComponent(referral.id));
    } catch (failure) {
      App.showProblem(problem, failure);
    }
  }

  /**
   * The activities a search's words name, for the referral form to tick: a word names an
   * activity when it begins a word of its name ("quiz" names "Quizzes and games", "walks" names "Walking").
   */
  function interestsIn(text) {
    const words = (text || '').toLowerCase().split(/[^a-z]+/)
      .filter((word) => word.length > 2 && word !== 'and')
      .map((word) => (word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word));
    return App.terms('activity').filter((term) => term.name.toLowerCase().split(/[^a-z]+/)
      .some((part) => part !== 'and' && words.some((word) => part.startsWith(word))))
      .map((term) => term.code);
  }

  /** The referral form for this place, with the search's postcode, access needs and interests filled in. */
  function referAddress(hit, made) {
    const address = new URLSearchParams([['place', hit.id], ['name', hit.name]]);
    if (made.get('postcode')) {
      address.set('postcode', made.get('postcode'));
    }
    made.getAll('accessibility').forEach((code) => address.append('accessibility', code));
    interestsIn(made.get('q')).forEach((code) => address.append('interests', code));
    return '/refer.html?' + address;
  }

  function show(found, made) {
    results.replaceChildren();
    document.getElementById('results-heading').hidden = false;
    count.textContent = found.total === 1 ? '1 place found' : found.total + ' places found';
    found.hits.forEach((hit) => {
      const item = App.element('li', null, 'result');
      item.appendChild(App.make('h3', {}, App.make('a', { href: '/place.html?id=' + encodeURIComponent(hit.id) }, hit.name)));
      const facts = [App.label('place-kind', hit.kind), hit.postcodeDistrict];
      if (hit.distanceMetres !== null && hit.distanceMetres !== undefined) {
        facts.push((hit.distanceMetres / 1609.344).toFixed(1) + ' miles away');
      }
      facts.push(hit.free === null ? 'Cost not known' : hit.free ? 'Free' : 'Costs something');
      item.appendChild(App.element('p', facts.filter(Boolean).join(' · ')));
      if (hit.matched && hit.matched.length) {
        item.appendChild(App.element('p', 'Matched: ' + hit.matched.join(', ')));
      }
      const room = hit.capacityAvailable === null || hit.capacityAvailable === undefined
        ? 'Room: not known'
        : hit.capacityAvailable > 0 ? 'Room for ' + hit.capacityAvailable + ' more' : 'Full at the moment';
      item.appendChild(App.element('p', room, hit.capacityAvailable === 0 ? 'full' : 'room'));
      // Whether the listing can be trusted today: closed for a while, or not checked by its host for long
      if (hit.closedUntil) {
        item.appendChild(App.element('p', 'Closed until ' + new Date(hit.closedUntil + 'T12:00:00Z')
          .toLocaleDateString('en-GB', { day: 'numeric', month: 'long', timeZone: 'Europe/London' }), 'full'));
      }
      if (hit.notCheckedLately && hit.lastChecked) {
        item.appendChild(App.element('p', 'Not checked since ' + new Date(hit.lastChecked + 'T12:00:00Z')
          .toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'Europe/London' })
          + ': check with the place that it still runs'));
      }
      if (hit.accessibility && hit.accessibility.length) {
        item.appendChild(App.element('p', 'Access: ' + hit.accessibility.map((code) => App.label('accessibility', code)).join(', ')));
      }
      if (me.role === 'referrer' && again) {
        const refer = App.element('button', 'Refer them to ' + hit.name + ' instead');
        refer.type = 'button';
        refer.addEventListener('click', () => reRefer(hit));
        item.appendChild(refer);
      } else if (me.role === 'referrer') {
        const refer = App.element('a', 'Refer someone to ' + hit.name, 'button-link');
        refer.href = referAddress(hit, made);
        item.appendChild(refer);
      }
      results.appendChild(item);
    });
  }
}());
