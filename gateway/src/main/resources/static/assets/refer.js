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
  // The referral being written, about a person: kept in this tab's session storage, which goes
  // when the tab closes, and never in the browser's lasting storage on a shared computer
  const DRAFT = 'referral-draft';

  // While the form is filled in by the page itself, nothing is saved as typed
  let filling = false;

  document.getElementById('place-line').textContent = 'To ' + (query.get('name') || 'the place you chose');
  if (!placeId) {
    App.showProblem(problem, { detail: 'Choose a place first: go to Find a place.' });
    return;
  }

  const form = App.form({ id: 'referral', noValidate: true }, [
    App.make('p', { id: 'draft-hint', className: 'hint' }, 'What you type is kept as a draft in this browser tab only, so you can go back to '
      + 'the search and return to it. Sending the referral, clearing the form or closing the tab deletes it.'),
    App.status({ id: 'draft-status' }),
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
    hearingChoice(),
    App.field('How they agreed', App.select({ id: 'consentMethod', name: 'consentMethod' }, App.terms('consent-method'))),
    App.field('Lawful basis', App.select({ id: 'lawfulBasis', name: 'lawfulBasis' }, App.terms('lawful-basis'))),
    App.make('div', { id: 'safeguarding', className: 'warning' }),
    App.make('p', { className: 'row-actions' }, App.button('Send the referral'),
      App.button('Clear the form', { type: 'button', id: 'clear-form', className: 'secondary' }))
  ], send);
  problem.after(form);
  startDraft();
  App.api('GET', '/api/safeguarding').then(showSafeguarding, (failure) => App.showProblem(problem, failure));

  /** The form from this tab's draft if there is one, else from the search it came from; then kept as a draft as the referrer types. */
  function startDraft() {
    const saved = readDraft();
    if (saved) {
      fill(() => Object.entries(saved.fields).forEach(([id, value]) => {
        const control = document.getElementById(id);
        if (control && form.contains(control)) {
          set(control, value);
        }
      }));
      say('This is the referral you started in this tab at ' + App.when(saved.savedAt)
        + ' and have not sent. Check it is for the right person, or clear the form to start again.');
    } else {
      fillFromSearch();
    }
    form.addEventListener('input', saveDraft);
    form.addEventListener('change', saveDraft);
    document.getElementById('clear-form').addEventListener('click', () => {
      forgetDraft();
      App.clearProblem(problem);
      fill(() => form.reset());
      fillFromSearch();
      say('The form is clear and its draft deleted.');
      form.firstName.focus();
    });
  }

  /** The postcode, access needs and interests of the search the referrer came from, to check with the person. */
  function fillFromSearch() {
    const filled = [];
    fill(() => {
      if (query.get('postcode')) {
        form.postcodeDistrict.value = query.get('postcode');
        filled.push('postcode');
      }
      [['accessibility', 'access needs'], ['interests', 'interests']].forEach(([name, words]) => {
        const boxes = query.getAll(name).map((code) => document.getElementById(name + '-' + code)).filter((box) => box && form.contains(box));
        boxes.forEach((box) => set(box, true));
        if (boxes.length) {
          filled.push(words);
        }
      });
    });
    say(filled.length ? 'The ' + filled.join(', ').replace(/, ([^,]*)$/, ' and $1') + ' are filled in from your search: check them with the person.' : '');
  }

  /** Sets a control as the referrer would, so that whatever follows its changes follows this one too. */
  function set(control, value) {
    if (control.type === 'checkbox' || control.type === 'radio') {
      control.checked = value === true;
    } else {
      control.value = value;
    }
    control.dispatchEvent(new Event('change', { bubbles: true }));
  }

  function fill(change) {
    filling = true;
    try {
      change();
    } finally {
      filling = false;
    }
  }

  function say(words) {
    document.getElementById('draft-status').textContent = words;
  }

  function saveDraft() {
    if (filling) {
      return;
    }
    const fields = {};
    Array.from(form.elements).filter((control) => control.id && control.name && !['submit', 'button'].includes(control.type))
      .forEach((control) => {
        fields[control.id] = control.type === 'checkbox' || control.type === 'radio' ? control.checked : control.value;
      });
    try {
      window.sessionStorage.setItem(DRAFT, JSON.stringify({ placeId, savedAt: new Date().toISOString(), fields }));
    } catch (full) {
      // A browser that keeps no session storage keeps no draft; the form still works
    }
  }

  function readDraft() {
    try {
      const saved = JSON.parse(window.sessionStorage.getItem(DRAFT));
      return saved && saved.fields && typeof saved.fields === 'object' ? saved : null;
    } catch (unreadable) {
      return null;
    }
  }

  function forgetDraft() {
    try {
      window.sessionStorage.removeItem(DRAFT);
    } catch (unavailable) {
      // Nothing was kept
    }
  }

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

  // How the person wants to hear where and when to go, and the reminder the day before: each way
  // shows only the box it needs, and only what the chosen way needs is sent
  Object.assign(FIELDS, {
    hearBy: 'hearBy-group',
    'hearBy.by': 'hearBy-group',
    'hearBy.mobileNumber': 'hearMobile',
    'hearBy.emailAddress': 'hearEmail',
    'hearBy.postalAddress': 'hearAddress1',
    'hearBy.postalAddress.lines': 'hearAddress1',
    'hearBy.postalAddress.postcode': 'hearPostcode'
  });

  function hearingChoice() {
    const hint = App.make('p', { className: 'hint', id: 'hearBy-hint' },
      'Ask the person how they would like to be told where and when to go once the place says yes, and reminded the day '
      + 'before their first visit. If they choose none, nothing is sent to them: you tell them.');
    const choices = choiceGroup('How they want to hear', 'hearBy', App.terms('hear-by'));
    choices.querySelectorAll('input').forEach((radio) => { radio.type = 'radio'; });
    choices.querySelector('legend').after(hint);
    choices.setAttribute('aria-describedby', hint.id);
    const needs = {
      text: [App.field('Their mobile number', App.input({ id: 'hearMobile', name: 'hearMobile', type: 'tel', className: 'short' }),
        'For example 07700 900123.')],
      email: [App.field('Their e-mail address', App.input({ id: 'hearEmail', name: 'hearEmail', type: 'email', spellcheck: false }))],
      letter: [
        App.field('Address line 1', App.input({ id: 'hearAddress1', name: 'hearAddress1' }), 'House number or name, and street.'),
        App.field('Address line 2 (optional)', App.input({ id: 'hearAddress2', name: 'hearAddress2' })),
        App.field('Town or city', App.input({ id: 'hearAddress3', name: 'hearAddress3' })),
        App.field('Postcode', App.input({ id: 'hearPostcode', name: 'hearPostcode', className: 'short' }), 'The full postcode, such as S6 1AB.')
      ]
    };
    Object.values(needs).flat().forEach((line) => choices.appendChild(line));
    const reveal = () => {
      const chosen = (choices.querySelector('input:checked') || {}).value;
      Object.entries(needs).forEach(([way, lines]) => lines.forEach((line) => { line.hidden = way !== chosen; }));
    };
    choices.addEventListener('change', reveal);
    reveal();
    return choices;
  }

  /** What the chosen way needs, and nothing else; no choice is no contact. */
  function hearBy() {
    const by = (form.querySelector('input[name="hearBy"]:checked') || {}).value;
    const value = (id) => document.getElementById(id).value.trim() || null;
    switch (by) {
      case 'text': return { by, mobileNumber: value('hearMobile') };
      case 'email': return { by, emailAddress: value('hearEmail') };
      case 'letter': return {
        by,
        postalAddress: { lines: ['hearAddress1', 'hearAddress2', 'hearAddress3'].map(value).filter(Boolean), postcode: value('hearPostcode') }
      };
      default: return by ? { by } : null;
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
      notes: value('notes'),
      hearBy: hearBy()
    };
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      const made = await App.api('POST', '/api/referrals', referral);
      forgetDraft();
      window.location.assign('/referral.html?id=' + encodeURIComponent(made.id));
    } catch (failure) {
      App.showProblem(problem, failure, FIELDS);
    } finally {
      button.disabled = false;
    }
  }
}());
