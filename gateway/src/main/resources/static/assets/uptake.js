'use strict';
(async function () {
  await App.start('/uptake.html', ['commissioner', 'admin']);
  const form = App.form({ id: 'period', className: 'inline-form' }, [
    App.field('From', App.input({ id: 'from', name: 'from', type: 'date', required: true })),
    App.field('To', App.input({ id: 'to', name: 'to', type: 'date', required: true })),
    App.make('p', {}, App.button('Show'))
  ], load);
  document.getElementById('intro').after(form);
  const problem = document.getElementById('problem');
  const MEASURES = {
    'ucla-loneliness': ['Loneliness (UCLA, 3 to 9)', 'lower is better'],
    'ons4-life-satisfaction': ['Life satisfaction (ONS, 0 to 10)', 'higher is better'],
    'ons4-worthwhile': ['Things done are worthwhile (ONS, 0 to 10)', 'higher is better'],
    'ons4-happiness': ['Happiness yesterday (ONS, 0 to 10)', 'higher is better'],
    'ons4-anxiety': ['Anxiety yesterday (ONS, 0 to 10)', 'lower is better']
  };

  function days(hours) {
    if (hours === null || hours === undefined) {
      return null;
    }
    if (hours < 1) {
      return 'under an hour';
    }
    return hours < 48 ? hours + ' hours' : (hours / 24).toFixed(1) + ' days';
  }

  function referrals(count) {
    return count === 1 ? '1 referral' : count + ' referrals';
  }

  /** One row for each kind or area; a kind is named by the place-kind vocabulary, an area is its own name. */
  function rows(summaries, vocabulary) {
    return summaries.map((row) => [vocabulary ? App.label(vocabulary, row.key) : row.key, row.referred, row.accepted, row.started, row.completed,
      App.percent(row.acceptanceRate), days(row.medianHoursToDecision), App.percent(row.expiryRate)]);
  }

  const HEADINGS = ['', 'Referred', 'Accepted', 'Started going', 'Completed', 'Acceptance rate', 'Median time to answer', 'Expired unanswered'];

  function show(report) {
    const total = report.total;
    document.getElementById('period-line').textContent = 'Referrals sent from ' + new Date(report.from).toLocaleDateString('en-GB', { dateStyle: 'long' })
      + ' to ' + new Date(report.to).toLocaleDateString('en-GB', { dateStyle: 'long' }) + ': ' + total.referred + '.';
    const funnel = document.getElementById('funnel');
    funnel.replaceChildren();
    [['Referred', total.referred], ['Accepted', total.accepted], ['Started going', total.started], ['Completed', total.completed]]
      .forEach(([label, figure]) => {
        const step = App.element('li');
        step.append(App.element('span', String(figure), 'figure'), App.element('span', label));
        funnel.appendChild(step);
      });
    const rates = document.getElementById('rates');
    rates.replaceChildren();
    [['Acceptance rate', App.percent(total.acceptanceRate), 'of the referrals places answered'],
      ['Time to answer', days(total.medianHoursToDecision), 'median; 9 in 10 within ' + (days(total.p90HoursToDecision) || '–')],
      ['Attendance rate', App.percent(total.attendanceRate), 'of the people accepted went at least once'],
      ['Expired unanswered', App.percent(total.expiryRate), 'of the referrals sent'],
      ['Waiting for an answer', referrals(total.awaitingAnswer), ''],
      ['Declined by the place', referrals(total.declined), ''],
      ['Cancelled by the referrer', referrals(total.cancelled), ''],
      ['Stopped going', referrals(total.stoppedGoing), '']]
      .forEach(([term, value, note]) => rates.append(App.element('dt', term),
        App.element('dd', value === null || value === undefined ? 'Not yet known' : (value + ' ' + note).trim())));

    const breakdowns = document.getElementById('breakdowns');
    breakdowns.replaceChildren(
      App.table('By kind of place', ['Kind'].concat(HEADINGS.slice(1)), rows(report.byPlaceKind, 'place-kind')),
      App.table('By postcode area of the place', ['Area'].concat(HEADINGS.slice(1)), rows(report.byArea)));

    const whyRows = [];
    Object.entries(report.whyNotGoneAhead).forEach(([status, reasons]) => {
      Object.entries(reasons).forEach(([reason, count]) => whyRows.push([App.label('referral-status', status), App.reason(status, reason), count]));
    });
    document.getElementById('why-not').replaceChildren(whyRows.length
      ? App.table('Referrals closed short of completion, by reason', ['Ended as', 'Reason', 'Referrals'], whyRows)
      : App.element('p', 'None in this period.'));

    const measured = report.outcomeChange.filter((change) => change.pairs > 0);
    document.getElementById('outcomes').replaceChildren(measured.length
      ? App.table('Scores before and after', ['Measure', 'People', 'Mean before', 'Mean after', 'Better', 'Same', 'Worse'],
        measured.map((change) => [MEASURES[change.measure][0] + ', ' + MEASURES[change.measure][1], change.pairs,
          change.meanBaseline, change.meanFollowUp, change.improved, change.unchanged, change.worse]))
      : App.element('p', 'No follow-up scores in this period yet.'));
  }

  async function load() {
    problem.hidden = true;
    const query = new URLSearchParams();
    if (form.from.value) {
      query.set('from', form.from.value);
    }
    if (form.to.value) {
      query.set('to', form.to.value);
    }
    try {
      const report = await App.api('GET', '/api/referrals/uptake?' + query);
      form.from.value = report.from;
      form.to.value = report.to;
      show(report);
    } catch (failure) {
      App.showProblem(problem, failure);
    }
  }

  await load();

  try {
    const list = document.getElementById('dashboards');
    (await App.api('GET', '/api/dashboards')).forEach((dashboard) => {
      const item = App.element('li');
      const link = App.element('a', dashboard.name + ' dashboard');
      link.href = dashboard.address;
      item.append(link, App.element('span', ': ' + dashboard.description));
      list.appendChild(item);
    });
  } catch (failure) {
    App.showProblem(problem, failure);
  }
}());
