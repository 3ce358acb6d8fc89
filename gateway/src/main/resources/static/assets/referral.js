'use strict';
(async function () {
  await App.start('/referrals.html');
  const id = new URLSearchParams(window.location.search).get('id');
  const problem = document.getElementById('problem');
  const statusLine = document.getElementById('status-line');
  statusLine.tabIndex = -1;
  // The referral's version as the server last sent it, sent back with every change
  let version = null;

  async function load() {
    try {
      const read = await App.api('GET', '/api/referrals/' + encodeURIComponent(id), undefined, { withVersion: true });
      version = read.version;
      show(read.answer);
    } catch (failure) {
      App.showProblem(problem, failure);
    }
  }

  function show(referral) {
    const person = referral.person;
    document.getElementById('heading').textContent = (person ? person.firstName + ' to ' : 'Referral to ') + referral.place.name;
    document.title = document.getElementById('heading').textContent + ' – Community places';
    statusLine.textContent = 'Status: ' + App.label('referral-status', referral.status)
      + (referral.status === 'requested' && referral.respondBy ? '. The place answers by ' + App.when(referral.respondBy) : '');

    // Each role's answer has only what it may see: a section shows only when the answer has it
    const facts = document.getElementById('person');
    facts.replaceChildren();
    const fact = (term, value, list) => {
      if (value !== null && value !== undefined && value !== '') {
        (list || facts).append(App.element('dt', term), App.element('dd', value));
      }
    };
    const named = (vocabulary, codes) => (codes || []).map((code) => App.label(vocabulary, code)).join(', ');
    if (person) {
      fact('Name', [person.firstName, person.lastName].filter(Boolean).join(' '));
      fact('Needs', named('need', person.needs));
      fact('Interests', named('activity', person.interests));
      fact('Access needs', named('accessibility', person.accessibility));
      if (person.contact) {
        fact('Contact', contact(person.contact));
      }
      if (referral.consent) {
        fact('The place may see', ['First name'].concat((referral.consent.sharing || [])
          .map((code) => App.label('shared-with-host', code).toLowerCase())).join(', '));
      }
    }
    document.getElementById('person-section').hidden = !person;
    const about = document.getElementById('facts');
    about.replaceChildren();
    fact('Referred by', organisation(referral), about);
    fact('Place', App.make('a', { href: '/place.html?id=' + encodeURIComponent(referral.place.id) },
      referral.place.name + (referral.place.kind ? ', ' + App.label('place-kind', referral.place.kind).toLowerCase() : '')), about);
    const seen = visits(referral.attendance);
    if (seen.length) {
      fact('Visits', App.make('ul', { id: 'visits' }, ...seen.map((visit) => App.make('li', {}, visit))), about);
    }

    const history = referral.history || [];
    document.getElementById('timeline').replaceChildren(...history.map((step) => App.make('li', {},
      App.element('span', App.label('referral-status', step.status), 'step'),
      App.element('span', ' ' + App.when(step.at) + (BY[step.byRole] ? ', ' + BY[step.byRole] : ''), 'muted'),
      step.reason ? App.element('span', ' (' + App.reason(step.status, step.reason) + ')') : null)));
    document.getElementById('timeline-section').hidden = history.length === 0;

    const offered = referral.actions || [];
    const controls = offered.filter((action) => action.input !== 'outcome')
      .map((action, index) => control(action, index === 0)).filter(Boolean);
    if (referral.nextAttempt) {
      controls.push(App.make('a', { href: '/referral.html?id=' + encodeURIComponent(referral.nextAttempt) },
        'See the referral that followed this one'));
    }
    document.getElementById('actions').replaceChildren(...controls);
    document.getElementById('actions-section').hidden = controls.length === 0;
    outcomes(referral.outcomes || {}, offered.filter((action) => action.input === 'outcome'));
  }

  // How each contact method is reached from a phone: a tap calls, texts or writes an e-mail
  const REACH = { phone: 'tel:', text: 'sms:', email: 'mailto:' };

  /** The person's contact route, as a link where a phone or mail app can take it. */
  function contact(route) {
    const method = App.label('contact-method', route.method);
    if (!route.value) {
      return method;
    }
    const line = App.make('span', {}, method + ': ');
    line.appendChild(REACH[route.method]
      ? App.make('a', { href: REACH[route.method] + route.value.replace(/\s+/g, '') }, route.value)
      : route.value);
    return line;
  }

  /** The visits recorded so far, newest first. */
  function visits(attendance) {
    return (attendance || []).slice().sort((one, other) => String(other.on).localeCompare(String(one.on)))
      .map((visit) => new Date(visit.on).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long' })
        + (visit.attended ? ': came' : ': did not come'));
  }

  // Who took a step, by their role
  const BY = { referrer: 'by the referrer', host: 'by the place', admin: 'by an admin', system: 'by the service, on its own' };

  /** The organisation that referred, by name with its code in brackets, as far as this role is told. */
  function organisation(referral) {
    const name = referral.referrer ? referral.referrer.organisationName : referral.referringOrganisation;
    const code = referral.referrer ? referral.referrer.organisation : referral.referringOrganisationCode;
    if (name && code) {
      return name + ' (' + code + ')';
    }
    return name || code;
  }

  /** The control for one action the server offers this person, by what it asks for. */
  function control(action, first) {
    const look = first ? {} : { className: 'secondary' };
    switch (action.input) {
      case 'none': {
        const button = App.button(action.label, Object.assign({ type: 'button' }, look));
        button.addEventListener('click', () => send(action));
        return button;
      }
      case 'attendance': {
        const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
        const on = App.input({ id: action.action + '-' + action.attended + '-on', name: 'on', type: 'date', value: today, max: today });
        return App.form({ className: 'inline-form' }, [App.field('On', on), App.button(action.label, look)],
          () => send(action, { on: on.value || null, attended: action.attended }));
      }
      case 'reason':
        return reasonForm(action, look);
      case 'place':
        return App.make('a', { className: 'button-link', href: '/find.html?again=' + encodeURIComponent(id) }, action.label);
      default:
        return null;
    }
  }

  /**
   * A reason from the action's list, chosen by the person (none is chosen for them), words of
   * their own where that reason needs them, and a second step to confirm, since it cannot be undone.
   */
  function reasonForm(action, look) {
    const select = App.select({ id: action.action + '-reason', name: 'reason' },
      action.reasons.map((reason) => ({ code: reason.code, name: reason.label })), 'Choose a reason');
    const text = App.input({ id: action.action + '-text', name: 'text', maxLength: 1000 });
    const textLine = App.field('Say why, in a few words (no details about the person)', text);
    const needsText = () => action.reasons.some((reason) => reason.code === select.value && reason.needsText);
    textLine.hidden = !needsText();
    select.addEventListener('change', () => {
      textLine.hidden = !needsText();
    });
    const ask = App.button(action.label, look);
    const confirm = App.make('div', { id: action.action + '-confirm', className: 'confirm', hidden: true });
    const body = () => ({ reason: select.value || null, text: needsText() ? text.value : undefined });
    const made = App.form({ className: 'inline-form' }, [
      App.field('Reason to ' + action.label.charAt(0).toLowerCase() + action.label.slice(1), select),
      textLine,
      ask,
      confirm
    ], () => {
      if (!select.value) {
        // The server names what is missing, in its own words
        send(action, body());
        return;
      }
      const yes = App.button('Yes, ' + action.label.charAt(0).toLowerCase() + action.label.slice(1), { type: 'button' });
      const no = App.button('No, go back', { type: 'button', className: 'secondary' });
      yes.addEventListener('click', () => send(action, body()));
      no.addEventListener('click', () => {
        confirm.hidden = true;
        ask.hidden = false;
        ask.focus();
      });
      confirm.replaceChildren(App.make('p', { id: action.action + '-confirm-question', tabIndex: -1 },
        'Are you sure? This cannot be undone.'), yes, no);
      confirm.hidden = false;
      ask.hidden = true;
      confirm.firstChild.focus();
    });
    return made;
  }

  /** The scores recorded so far, and the form for the scores the server asks for now. */
  function outcomes(recorded, asked) {
    const shown = [['baseline', 'Before'], ['followUp', 'After']].filter(([timepoint]) => recorded[timepoint])
      .map(([timepoint, label]) => {
        const scores = recorded[timepoint];
        const facts = [];
        if (scores.uclaLoneliness !== null && scores.uclaLoneliness !== undefined) {
          facts.push('loneliness ' + scores.uclaLoneliness + ' of 9 (3 is least lonely)');
        }
        if (scores.ons4) {
          facts.push('life satisfaction ' + scores.ons4.lifeSatisfaction, 'worthwhile ' + scores.ons4.worthwhile,
            'happiness ' + scores.ons4.happiness, 'anxiety ' + scores.ons4.anxiety);
        }
        if (scores.lsns6) {
          facts.push('social connections ' + scores.lsns6.total + ' of 30 (under 12 suggests a risk of isolation)');
        }
        const said = facts.join(', ');
        return App.element('p', label + ' (' + new Date(scores.measuredOn).toLocaleDateString('en-GB', { dateStyle: 'medium' }) + '): '
          + said.charAt(0).toUpperCase() + said.slice(1) + '.');
      });
    const forms = asked.map(scoresForm);
    document.getElementById('outcomes').replaceChildren(...shown, ...forms);
    document.getElementById('outcomes-section').hidden = shown.length + forms.length === 0;
  }

  const UCLA = ['How often do they feel that they lack companionship?', 'How often do they feel left out?',
    'How often do they feel isolated from others?'];

  const UCLA_ANSWERS = [{ code: '1', name: 'Hardly ever' }, { code: '2', name: 'Some of the time' }, { code: '3', name: 'Often' }];

  const ONS4 = [['lifeSatisfaction', 'How satisfied are they with their life nowadays?'],
    ['worthwhile', 'To what extent do they feel the things they do in their life are worthwhile?'],
    ['happiness', 'How happy did they feel yesterday?'], ['anxiety', 'How anxious did they feel yesterday?']];

  // The Lubben Social Network Scale (LSNS-6): three questions about relatives, three about friends
  const LSNS6 = [
    ['Their relatives: people they are related to by birth, marriage, adoption and so on', [
      ['relativesSeenMonthly', 'How many relatives do they see or hear from at least once a month?'],
      ['relativesToTalkTo', 'How many relatives do they feel at ease with, so that they can talk about private matters?'],
      ['relativesToCallOnForHelp', 'How many relatives do they feel close to, so that they could call on them for help?']]],
    ['Their friends, including those who live nearby', [
      ['friendsSeenMonthly', 'How many of their friends do they see or hear from at least once a month?'],
      ['friendsToTalkTo', 'How many friends do they feel at ease with, so that they can talk about private matters?'],
      ['friendsToCallOnForHelp', 'How many friends do they feel close to, so that they could call on them for help?']]]];

  const LSNS6_ANSWERS = [{ code: '0', name: 'None' }, { code: '1', name: 'One' }, { code: '2', name: 'Two' },
    { code: '3', name: 'Three or four' }, { code: '4', name: 'Five to eight' }, { code: '5', name: 'Nine or more' }];

  const LSNS6_QUESTIONS = LSNS6.flatMap(([, questions]) => questions);

  function scoresForm(action) {
    return App.form({ id: 'scores' }, [
      App.make('h3', {}, action.label),
      App.element('p', 'Ask in the person’s own words. Their answers are kept with this referral and counted for commissioners without their name.', 'hint'),
      ...UCLA.map((question, index) => App.choice(question, 'ucla' + index, UCLA_ANSWERS, { type: 'radio', required: true })),
      App.group('Wellbeing (optional): from 0, not at all, to 10, completely', ONS4.map(([name, question]) => App.field(question,
        App.input({ id: 'ons4-' + name, name, type: 'number', min: '0', max: '10', inputMode: 'numeric', className: 'short' })))),
      App.group('Social connections (optional): answer all six questions, or none', LSNS6.map(([about, questions]) => App.group(about,
        questions.map(([name, question]) => App.choice(question, 'lsns6-' + name, LSNS6_ANSWERS, { type: 'radio' }))))),
      App.button('Save scores')
    ], (form) => {
      const body = { timepoint: action.timepoint, uclaLoneliness: UCLA.reduce((sum, question, index) => sum + Number(form['ucla' + index].value), 0) };
      if (ONS4.some(([name]) => form[name].value !== '')) {
        body.ons4 = {};
        ONS4.forEach(([name]) => {
          body.ons4[name] = form[name].value === '' ? null : Number(form[name].value);
        });
      }
      // Any answer sends all six, unanswered ones empty: the server says which are still to answer
      const answer = (name) => form['lsns6-' + name].value;
      if (LSNS6_QUESTIONS.some(([name]) => answer(name) !== '')) {
        body.lsns6 = {};
        LSNS6_QUESTIONS.forEach(([name]) => {
          body.lsns6[name] = answer(name) === '' ? null : Number(answer(name));
        });
      }
      send(action, body);
    });
  }

  /** Takes an action with the version this page shows; if someone changed the referral since, shows it as it is now. */
  async function send(action, body) {
    problem.hidden = true;
    try {
      await App.api(action.method, action.href, body, { ifMatch: version });
      await load();
      statusLine.focus();
    } catch (failure) {
      if (failure.status === 412) {
        await load();
        App.showProblem(problem, { detail: 'Someone else changed this referral; here it is as it is now.' });
      } else {
        App.showProblem(problem, failure);
      }
    }
  }

  await load();
}());
