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
    document.getElementById('heading').textContent = (person && person.firstName ? person.firstName + ' to ' : 'Referral to ')
      + referral.place.name;
    document.title = document.getElementById('heading').textContent + ' – Community places';
    statusLine.textContent = 'Status: ' + App.label('referral-status', referral.status) + why(latestStep(referral))
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
      if (referral.erasure) {
        fact('Their details', 'Erased ' + App.when(referral.erasure.at) + ': '
          + App.label('erasure-reason', referral.erasure.reason).toLowerCase());
      }
      fact('Name', [person.firstName, person.lastName].filter(Boolean).join(' '));
      fact('Needs', named('need', person.needs));
      fact('Interests', named('activity', person.interests));
      fact('Access needs', named('accessibility', person.accessibility));
      fact('Postcode district', person.postcodeDistrict);
      fact('Age', person.ageBand ? App.label('age-band', person.ageBand) : null);
      fact('NHS number', person.nhsNumber ? person.nhsNumber.replace(/^(\d{3})(\d{3})(\d{4})$/, '$1 $2 $3') : null);
      if (person.contact) {
        fact('Contact', contact(person.contact));
      }
      if (referral.consent) {
        fact('The place may see', ['First name'].concat((referral.consent.sharing || [])
          .map((code) => App.label('shared-with-host', code).toLowerCase())).join(', '));
        fact('How they agreed', App.label('consent-method', referral.consent.method));
        fact('Consent recorded', (referral.consent.recordedBy ? 'By ' + referral.consent.recordedBy + ', ' : '')
          + App.when(referral.consent.recordedAt));
        fact('Lawful basis', App.label('lawful-basis', referral.consent.lawfulBasis));
      }
    }
    document.getElementById('person-section').hidden = !person;
    showHearing(referral);
    const about = document.getElementById('facts');
    about.replaceChildren();
    fact('Referred by', organisation(referral), about);
    fact('Place', App.make('a', { href: '/place.html?id=' + encodeURIComponent(referral.place.id) },
      referral.place.name + (referral.place.kind ? ', ' + App.label('place-kind', referral.place.kind).toLowerCase() : '')), about);
    fact('Why they were referred', named('referral-reason', referral.reasons), about);
    fact('Notes for your team', referral.notes, about);
    fact('Made', App.when(referral.createdAt), about);
    fact('Reference', referral.id.slice(-6).toUpperCase(), about);
    const seen = visits(referral.attendance);
    if (seen.length) {
      fact('Visits', App.make('ul', { id: 'visits' }, ...seen.map((visit) => App.make('li', {}, visit))), about);
    }

    const history = referral.history || [];
    document.getElementById('timeline').replaceChildren(...history.map((step) => App.make('li', {},
      App.element('span', App.label('referral-status', step.status), 'step'),
      App.element('span', ' ' + App.when(step.at) + (BY[step.byRole] ? ', ' + BY[step.byRole] : ''), 'muted'),
      step.reason ? App.element('span', why(step)) : null)));
    document.getElementById('timeline-section').hidden = history.length === 0;

    const offered = referral.actions || [];
    const controls = offered.filter((action) => action.input !== 'outcome' && action.input !== 'message')
      .map((action, index) => control(action, index === 0)).filter(Boolean);
    if (referral.nextAttempt) {
      controls.push(App.make('a', { href: '/referral.html?id=' + encodeURIComponent(referral.nextAttempt) },
        'See the referral that followed this one'));
    }
    document.getElementById('actions').replaceChildren(...controls);
    document.getElementById('actions-section').hidden = controls.length === 0;
    outcomes(referral.outcomes || {}, offered.filter((action) => action.input === 'outcome'));
    showMessages(referral.messages, offered.find((action) => action.input === 'message'));
  }

  /** The latest step of the referral's life, when the answer lists them. */
  function latestStep(referral) {
    const history = referral.history || [];
    return history.length ? history[history.length - 1] : null;
  }

  /** The reason a step was taken with, and the words of whoever took it: ": Other — ‘Quiz night is full until January’". */
  function why(step) {
    if (!step || !step.reason) {
      return '';
    }
    return ': ' + App.reason(step.status, step.reason) + (step.text ? ' — ‘' + step.text + '’' : '');
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
      case 'first-visit': {
        // The day the person is expected first, if the host knows it: they are reminded the day before
        const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
        const on = App.input({ id: action.action + '-first-visit', name: 'firstVisitOn', type: 'date', min: today });
        return App.form({ className: 'inline-form' }, [
          App.field('Their first visit (optional)', on, 'If you know the day, they are told it and reminded the day before.'),
          App.button(action.label, look)], () => send(action, on.value ? { firstVisitOn: on.value } : undefined));
      }
      case 'attendance': {
        const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
        const on = App.input({ id: action.action + '-' + action.attended + '-on', name: 'on', type: 'date', value: today, max: today });
        return App.form({ className: 'inline-form' }, [App.field('On', on), App.button(action.label, look)],
          () => send(action, { on: on.value || null, attended: action.attended }));
      }
      case 'reason':
        return reasonForm(action, look);
      case 'consent-withdrawal':
        return withdrawalForm(action);
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

  /**
   * The person withdrew the consent the referral is held on: what it does, in plain words, and a
   * second step to confirm, since their details cannot be brought back.
   */
  function withdrawalForm(action) {
    const ask = App.button(action.label, { type: 'button', className: 'secondary' });
    const confirm = App.make('div', { id: action.action + '-confirm', className: 'confirm', hidden: true });
    const yes = App.button('Yes, they withdrew consent', { type: 'button' });
    const no = App.button('No, go back', { type: 'button', className: 'secondary' });
    yes.addEventListener('click', () => send(action));
    no.addEventListener('click', () => {
      confirm.hidden = true;
      ask.hidden = false;
      ask.focus();
    });
    confirm.append(App.make('p', { id: action.action + '-confirm-question', tabIndex: -1 },
      'Are you sure? Their name, contact details, NHS number, notes, messages and scores are erased from this referral, '
      + 'and from the referrals made when they were referred again. If the referral is still open it is cancelled, and '
      + 'the place is told only that it was withdrawn. This cannot be undone.'), yes, no);
    ask.addEventListener('click', () => {
      confirm.hidden = false;
      ask.hidden = true;
      confirm.firstChild.focus();
    });
    return App.make('div', { className: 'inline-form' }, ask, confirm);
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

  // Messages between the referrer and the place

  // Who wrote a message, by their role
  const WROTE = { referrer: 'the referrer', host: 'the place' };

  // The box to write a message in, made once so that words being typed survive the page showing the referral again
  const writer = (function () {
    const text = App.make('textarea', { id: 'message-text', name: 'text', rows: 5 });
    const label = App.make('span');
    const send = App.button('Send message');
    const sent = App.status({ id: 'message-sent', className: 'status' });
    const form = App.form({ id: 'message-form', noValidate: true }, [
      App.field(label, text, 'Only the referrer’s team and the place can read messages. They may not see yours straight away: '
        + 'do not use messages for anything urgent or for a safeguarding concern.'),
      App.make('div', { className: 'inline-form' }, send, sent)
    ], () => sendMessage());
    text.addEventListener('input', () => {
      sent.textContent = '';
    });
    return { form, text, label, send, sent, action: null };
  }());

  /**
   * The conversation, oldest first, with who wrote each message and when; and the box to write
   * in while the server offers it. Nothing of it shows to those who are not given the messages.
   */
  function showMessages(written, action) {
    const section = document.getElementById('messages-section');
    section.hidden = !written && !action;
    if (section.hidden) {
      return;
    }
    const messages = written || [];
    document.getElementById('conversation').replaceChildren(messages.length === 0
      ? App.element('p', 'No messages yet.', 'muted')
      : App.make('ol', { id: 'messages', className: 'cards' }, ...messages.map((message) => App.make('li', { className: 'card' },
        App.make('p', {}, App.element('strong', message.byName ? message.byName + ', ' + WROTE[message.byRole]
          : App.words(WROTE[message.byRole] || message.byRole)), App.element('span', ' ' + App.when(message.at), 'muted')),
        App.element('p', message.text, 'description')))));
    writer.action = action || null;
    const holder = document.getElementById('message-writer');
    if (!action) {
      holder.replaceChildren();
      return;
    }
    writer.label.textContent = action.label;
    // Put in place only once, so that showing the referral again keeps the focus where it is
    if (writer.form.parentNode !== holder) {
      holder.replaceChildren(writer.form);
    }
  }

  async function sendMessage() {
    const action = writer.action;
    App.clearProblem(problem);
    writer.sent.textContent = '';
    writer.send.disabled = true;
    try {
      // No If-Match: a message does not depend on what else changed, and the server still refuses a closed referral
      await App.api(action.method, action.href, { text: writer.text.value });
      writer.text.value = '';
      await load();
      writer.sent.textContent = 'Message sent.';
    } catch (failure) {
      App.showProblem(problem, failure, { text: 'message-text' });
    } finally {
      writer.send.disabled = false;
    }
  }

  /**
   * For the referrer: how the person wants to hear, whether "where and when" and the reminder
   * the day before went (as notification-service says, or why not), and the letter to print
   * once the place has said yes.
   */
  function showHearing(referral) {
    const hearing = referral.hearing;
    document.getElementById('hearing-section').hidden = !hearing;
    if (!hearing) {
      return;
    }
    const list = document.getElementById('hearing');
    const fact = (term, value, valueId) => {
      if (value) {
        list.append(App.element('dt', term), App.make('dd', valueId ? { id: valueId } : {}, value));
      }
    };
    const by = hearing.by || 'no-contact';
    const address = hearing.postalAddress ? hearing.postalAddress.lines.concat(hearing.postalAddress.postcode).join(', ') : null;
    const to = hearing.mobileNumber || hearing.emailAddress || address;
    list.replaceChildren();
    fact('How they want to hear', App.label('hear-by', by) + (to ? ': ' + to : ''));
    const visit = hearing.visit;
    if (visit && visit.firstVisitOn) {
      fact('First visit', new Date(visit.firstVisitOn + 'T12:00:00Z').toLocaleDateString('en-GB',
        { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }));
    }
    if (by !== 'no-contact') {
      fact('Where and when', hearing.whereAndWhenAskedAt ? 'Being sent' : 'Sent once the place says yes', 'told-where-and-when');
      fact('Reminder the day before', hearing.reminderAskedAt ? 'Being sent'
        : hearing.remindAt ? 'Goes ' + App.when(hearing.remindAt) : 'Only when the place gives the day of the first visit',
      'told-day-before-reminder');
      if (hearing.whereAndWhenAskedAt) {
        App.api('GET', '/api/notifications/person-messages?referralId=' + encodeURIComponent(referral.id)).then((messages) => {
          messages.forEach((message) => {
            const said = document.getElementById('told-' + message.kind);
            if (said) {
              said.textContent = message.status === 'sent' ? 'Sent ' + App.when(message.doneAt)
                : message.status === 'pending' ? 'Being sent' : message.outcome;
            }
          });
        }, () => {
          // What was asked for is shown already; how the sending went is not known just now
        });
      }
    }
    document.getElementById('letter-link').replaceChildren(referral.letter
      ? App.make('a', { href: '/letter.html?id=' + encodeURIComponent(referral.id) }, 'Print where and when as a letter for them')
      : '');
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
