'use strict';
(async function () {
  await App.start('/find.html');
  // The API's field paths, each to the control or group of tick boxes the referrer fixes it in
  const FIELDS = {
    'person.firstName': 'firstName',
    'person.lastName': 'lastName',
    'person.contact': 'contactMethod',
    'person.contact.method': 'contactMethod',
    'person.contact.value': 'contactValue',
    'person.postcodeDistrict': 'postcodeDistrict',
    'person.ageBand': 'ageBand',
    'person.nhsNumber': 'nhsNumber',
    reasons: 'reasons-group',
    'person.needs': 'needs-group',
    'person.interests': 'interests-group',
    'person.accessibility': 'accessibility-group',
    notes: 'notes',
    consent: 'consentGiven',
    'consent.given': 'consentGiven',
    'consent.sharing': 'sharing-group',
    'consent.method': 'consentMethod',
    'consent.lawfulBasis': 'lawfulBasis'
  };
  const query = new URLSearchParams(window.location.search);
  const placeId = query.get('place');
  const problem = document.getElementById('problem');
  document.getElementById('place-line').textContent = 'To ' + (query.get('name') || 'the place you chose');
  if (!placeId) {
    App.showProblem(problem, { detail: 'Choose a place first: go to Find a place.' });
    return;
  }

  const form = App.form({ id: 'referral', noValidate: true }, [
    App.make('h2', {}, 'The person'),
    App.field('First name', App.input({ id: 'firstName', name: 'firstName', required: true })),
    App.field('Last name (optional)', App.input({ id: 'lastName', name: 'lastName' })),
    App.field('How the place should contact them', App.select({ id: 'contactMethod', name: 'contactMethod' }, App.terms('contact-method'))),
    App.field('Phone number, e-mail or address', App.input({ id: 'contactValue', name: 'contactValue' })),
    App.field('Postcode', App.input({ id: 'postcodeDistrict', name: 'postcodeDistrict', className: 'short' }),
      'For example S6 2AA, or S6. Only the first half, the district, is kept.'),
    App.field('Age', App.select({ id: 'ageBand', name: 'ageBand' }, App.terms('age-band'), 'Choose an age band')),
    App.field('NHS number (optional)', App.input({ id: 'nhsNumber', name: 'nhsNumber', className: 'short', inputMode: 'numeric' })),
    choiceGroup('Why you are referring them', 'reasons', App.terms('referral-reason')),
    choiceGroup('What they need', 'needs', App.terms('need')),
    choiceGroup('What they enjoy', 'interests', App.terms('activity')),
    choiceGroup('Access needs', 'accessibility', App.terms('accessibility')),
    App.field('Notes for your team', App.make('textarea', { id: 'notes', name: 'notes', rows: 3 }), 'Never shown to the place.'),
    App.make('h2', {}, 'Consent'),
    App.check({ id: 'consentGiven', name: 'consentGiven', value: 'true' },
      'They agreed to this referral and to the place being told their first name'),
    sharingChoice(),
    App.field('How they agreed', App.select({ id: 'consentMethod', name: 'consentMethod' }, App.terms('consent-method'))),
    App.field('Lawful basis', App.select({ id: 'lawfulBasis', name: 'lawfulBasis' }, App.terms('lawful-basis'))),
    App.make('div', { id: 'safeguarding', className: 'warning' }),
    App.make('p', {}, App.button('Send the referral'))
  ], send);
  problem.after(form);
  App.api('GET', '/api/safeguarding').then(showSafeguarding, (failure) => App.showProblem(problem, failure));

  /** Tick boxes under a legend, the group named name-group for the problems about it. */
  function choiceGroup(legend, name, choices) {
    const group = App.choice(legend, name, choices);
    group.id = name + '-group';
    return group;
  }

  /** What the person lets the place see besides their first name: nothing is ticked until they choose. */
  function sharingChoice() {
    const hint = App.make('p', { className: 'hint', id: 'sharing-hint' },
      'Read these to the person and tick what they agree to. The place always sees their first name.');
    const choices = choiceGroup('What the place may see', 'sharing', App.terms('shared-with-host'));
    choices.querySelector('legend').after(hint);
    choices.setAttribute('aria-describedby', hint.id);
    return choices;
  }

  /** Before sending: this is not the route for a safeguarding concern, and where to go instead. */
  function showSafeguarding(safeguarding) {
    const box = document.getElementById('safeguarding');
    box.append(App.make('h2', {}, 'Worried about their safety?'), App.make('p', {}, safeguarding.reminder));
    if (safeguarding.contact || safeguarding.address) {
      const line = App.make('p', {}, safeguarding.contact ? safeguarding.contact + (safeguarding.address ? ': ' : '') : '');
      if (safeguarding.address) {
        line.appendChild(App.make('a', { href: safeguarding.address }, 'how to raise a safeguarding concern'));
      }
      box.appendChild(line);
    }
  }

  async function send() {
    App.clearProblem(problem);
    const value = (name) => form[name].value.trim() || null;
    const referral = {
      placeId,
      person: {
        firstName: value('firstName'),
        lastName: value('lastName'),
        contact: { method: form.contactMethod.value, value: value('contactValue') },
        postcodeDistrict: value('postcodeDistrict'),
        ageBand: value('ageBand'),
        needs: App.ticked(form, 'needs'),
        interests: App.ticked(form, 'interests'),
        accessibility: App.ticked(form, 'accessibility'),
        nhsNumber: value('nhsNumber')
      },
      consent: {
        given: form.consentGiven.checked,
        method: form.consentMethod.value,
        lawfulBasis: form.lawfulBasis.value,
        sharing: App.ticked(form, 'sharing')
      },
      reasons: App.ticked(form, 'reasons'),
      notes: value('notes')
    };
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      const made = await App.api('POST', '/api/referrals', referral);
      window.location.assign('/referral.html?id=' + encodeURIComponent(made.id));
    } catch (failure) {
      App.showProblem(problem, failure, FIELDS);
    } finally {
      button.disabled = false;
    }
  }
}());
