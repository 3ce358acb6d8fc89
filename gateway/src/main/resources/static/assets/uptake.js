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
    'ucla-loneliness': { name: 'Loneliness (UCLA, 3 to 9)', better: 'lower is better', lowest: 3, highest: 9 },
    'ons4-life-satisfaction': { name: 'Life satisfaction (ONS, 0 to 10)', better: 'higher is better', lowest: 0, highest: 10 },
    'ons4-worthwhile': { name: 'Things done are worthwhile (ONS, 0 to 10)', better: 'higher is better', lowest: 0, highest: 10 },
    'ons4-happiness': { name: 'Happiness yesterday (ONS, 0 to 10)', better: 'higher is better', lowest: 0, highest: 10 },
    'ons4-anxiety': { name: 'Anxiety yesterday (ONS, 0 to 10)', better: 'lower is better', lowest: 0, highest: 10 },
    'lsns6-social-network': { name: 'Social connections (LSNS-6, 0 to 30)', better: 'higher is better', lowest: 0, highest: 30 }
  };

  const TIMES_TO_ANSWER = { 'under-1-day': 'Under a day', '1-to-2-days': '1 to 2 days', '2-to-7-days': '2 to 7 days', 'over-7-days': 'Over 7 days' };

  const FUNNEL = [['referred', 'Referred'], ['accepted', 'Accepted'], ['started', 'Started going'], ['completed', 'Completed']];

  const SVG = 'http://www.w3.org/2000/svg';

  // The width every chart is drawn at; the browser scales it to the page
  const WIDTH = 480;

  // How a held-back figure is written: not "fewer than 5", since a figure held back so that a
  // small count cannot be worked out from a total may itself be large
  const HIDDEN = 'hidden';

  /** Whether this figure of a row is held back, being a small count or worked out from one. */
  function held(row, field) {
    return (row.suppressed || []).includes(field);
  }

  /** A figure of a row in words: "hidden" when it is held back, "not yet known" when there is none yet. */
  function shown(row, field, format, unknown) {
    if (held(row, field)) {
      return HIDDEN;
    }
    const value = row[field];
    if (value === null || value === undefined) {
      return unknown || 'not yet known';
    }
    return format ? format(value) : String(value);
  }

  /** A figure a chart can draw: null when it is held back or not known. */
  function drawable(row, field) {
    return held(row, field) || row[field] === null || row[field] === undefined ? null : row[field];
  }

  function duration(hours) {
    if (hours < 1) {
      return 'under an hour';
    }
    if (hours < 48) {
      return hours === 1 ? '1 hour' : hours + ' hours';
    }
    return (hours / 24).toFixed(1) + ' days';
  }

  function within(hours) {
    return hours < 1 ? 'an hour' : duration(hours);
  }

  /** A count of referrals in words, for a sentence. */
  function referrals(row, field) {
    if (held(row, field)) {
      return 'a hidden number of referrals';
    }
    return shown(row, field, (figure) => (figure === 1 ? '1 referral' : figure + ' referrals'));
  }

  /** A rate or time in a sentence of its own: why it is not shown when it is not. */
  function statement(row, field, words) {
    if (held(row, field)) {
      return 'Hidden, to protect small numbers';
    }
    return row[field] === null || row[field] === undefined ? 'Not yet known' : words(row[field]);
  }

  function day(iso, options) {
    return new Date(iso + 'T00:00:00Z').toLocaleDateString('en-GB', Object.assign({ timeZone: 'UTC' }, options));
  }

  function capital(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  /** A postcode area or district as written, "Not known" for referrals without one. */
  function place(key) {
    return key === 'unknown' ? 'Not known' : key;
  }

  // Charts: inline SVG, named and described in words, each above the table of its numbers

  function draw(tag, attributes, ...children) {
    const made = document.createElementNS(SVG, tag);
    Object.entries(attributes).forEach(([name, value]) => made.setAttribute(name, String(value)));
    children.forEach((child) => made.append(child instanceof Node ? child : String(child)));
    return made;
  }

  /** A picture read out as its title and its summary, the sentence that says what it shows. */
  function picture(key, height, title, summary, marks) {
    return draw('svg', { id: key + '-chart', class: 'chart', viewBox: '0 0 ' + WIDTH + ' ' + height, role: 'img', 'aria-labelledby': key + '-title ' + key + '-summary' },
      draw('title', { id: key + '-title' }, title), draw('desc', { id: key + '-summary' }, summary), ...marks);
  }

  /**
   * A chart with its title, a note of what it leaves out, and the table of the same numbers with
   * its download; without anything to draw, the summary says so in place of the chart.
   */
  function figure(key, title, summary, chart, leftOut, table, download) {
    const shownChart = chart || App.make('p', { id: key + '-summary' }, summary);
    return App.make('figure', { id: key + '-figure', className: 'chart-figure' }, App.make('figcaption', {}, title), shownChart,
      chart && leftOut.length ? App.element('p', 'Left out of the chart, being hidden to protect small numbers: ' + leftOut.join('; ') + '. The table shows where.', 'note') : null,
      table, download);
  }

  /** Horizontal bars, each named and labelled with its figure; bars with no figure are left out. */
  function bars(key, title, summary, items, format) {
    const drawn = items.filter((item) => item.value !== null);
    if (!drawn.some((item) => item.value > 0)) {
      return null;
    }
    const largest = Math.max(1, ...drawn.map((item) => item.value));
    const row = 40;
    const left = 140;
    const room = WIDTH - left - 90;
    const marks = drawn.map((item, index) => {
      const top = index * row + 6;
      const length = room * item.value / largest;
      return draw('g', {},
        draw('text', { x: left - 10, y: top + 21, 'text-anchor': 'end' }, item.label),
        draw('rect', { class: 'bar', x: left, y: top, width: length.toFixed(1), height: row - 12 }),
        draw('text', { class: 'value', x: (left + length + 8).toFixed(1), y: top + 21 }, format(item.value)));
    });
    return picture(key, drawn.length * row + 8, title, summary, marks);
  }

  /**
   * One panel for each series of rates over the periods, 0% to 100%, a point for each period with
   * a figure and a line between neighbours; the figures are written on every few points.
   */
  function lines(key, title, summary, periods, series, periodName) {
    if (!series.some((one) => periods.some((period) => drawable(period, one.field) !== null))) {
      return null;
    }
    const panel = 200;
    const left = 60;
    const plot = WIDTH - left - 30;
    const step = periods.length === 1 ? plot : (plot - 50) / (periods.length - 1);
    // Figures and dates at least 60 apart, so that none overlap
    const every = Math.ceil(60 / step);
    const x = (index) => left + 25 + (periods.length === 1 ? (plot - 50) / 2 : index * step);
    const marks = series.flatMap((one, number) => {
      const top = number * panel;
      const y = (rate) => top + 160 - rate * 110;
      const grid = [0, 0.5, 1].map((rate) => draw('g', {},
        draw('line', { class: 'grid', x1: left, x2: left + plot, y1: y(rate), y2: y(rate) }),
        draw('text', { class: 'axis-label', x: left - 8, y: y(rate) + 5, 'text-anchor': 'end' }, App.percent(rate))));
      let path = '';
      const points = [];
      periods.forEach((period, index) => {
        const rate = drawable(period, one.field);
        if (rate === null) {
          return;
        }
        const joined = index > 0 && drawable(periods[index - 1], one.field) !== null;
        path += (joined ? ' L' : ' M') + x(index).toFixed(1) + ' ' + y(rate).toFixed(1);
        points.push(draw('circle', { class: 'point', cx: x(index).toFixed(1), cy: y(rate).toFixed(1), r: 5 }));
        if (index % every === 0 || index === periods.length - 1) {
          points.push(draw('text', { class: 'value', x: x(index).toFixed(1), y: (y(rate) - 10).toFixed(1), 'text-anchor': 'middle' }, App.percent(rate)));
        }
      });
      const dates = periods.map((period, index) => (index % every === 0
        ? draw('text', { class: 'axis-label', x: x(index).toFixed(1), y: top + 185, 'text-anchor': 'middle' }, periodName(period.key, true))
        : null)).filter(Boolean);
      return [draw('text', { class: 'panel-title', x: 0, y: top + 18 }, one.name), ...grid,
        path ? draw('path', { class: 'line', d: path.trim() }) : null, ...points, ...dates].filter(Boolean);
    });
    return picture(key, series.length * panel, title, summary, marks);
  }

  /** For each measure, a bar before and a bar after on the measure's own scale, each labelled. */
  function scales(key, title, summary, changes) {
    if (!changes.length) {
      return null;
    }
    const group = 130;
    const left = 70;
    const room = WIDTH - left - 80;
    const marks = changes.flatMap((change, number) => {
      const measure = MEASURES[change.measure];
      const top = number * group;
      const bar = (label, mean, row, look) => {
        const length = room * (mean - measure.lowest) / (measure.highest - measure.lowest);
        return draw('g', {},
          draw('text', { x: left - 10, y: top + row + 19, 'text-anchor': 'end' }, label),
          draw('rect', { class: look, x: left, y: top + row, width: length.toFixed(1), height: 26 }),
          draw('text', { class: 'value', x: (left + length + 8).toFixed(1), y: top + row + 19 }, String(mean)));
      };
      return [draw('text', { class: 'panel-title', x: 0, y: top + 18 }, measure.name),
        draw('text', { class: 'axis-label', x: 0, y: top + 38 }, capital(measure.better)),
        bar('Before', change.meanBaseline, 50, 'bar before'), bar('After', change.meanFollowUp, 84, 'bar')];
    });
    return picture(key, changes.length * group, title, summary, marks);
  }

  /** The link that downloads one table (or all of them, "all") for the period shown, as CSV. */
  function link(report, table, text) {
    const query = new URLSearchParams({ from: report.from, to: report.to, table });
    return App.make('a', { href: '/api/referrals/uptake/export?' + query, download: '' }, text);
  }

  function download(report, table, text) {
    return App.make('p', { className: 'download' }, link(report, table, text));
  }

  /** A table of figures, its headings allowed to wrap between words, with its download under it. */
  function table(report, name, caption, headings, rows) {
    if (!rows.length) {
      return [App.element('p', caption + ': no referrals in this period.')];
    }
    const made = App.table(caption, headings, rows);
    made.classList.add('figures');
    return [made, download(report, name, 'Download “' + caption + '” (CSV)')];
  }

  // The parts of the page, each from the report

  function period(report) {
    const total = report.total;
    document.getElementById('period-line').textContent = 'Referrals sent from ' + day(report.from, { dateStyle: 'long' })
      + ' to ' + day(report.to, { dateStyle: 'long' }) + ': ' + shown(total, 'referred') + '.';
    document.getElementById('generated').textContent = 'Figures worked out on ' + App.when(report.generatedAt)
      + '. “Hidden” means fewer than ' + report.smallestShown + ', or a figure from which one could be worked out:'
      + ' small numbers could point to a person.';
    document.getElementById('download-all').replaceChildren(link(report, 'all', 'Download every table (CSV)'));
  }

  function funnel(report) {
    const total = report.total;
    const steps = FUNNEL.map(([field, label]) => ({ label, value: drawable(total, field), words: shown(total, field) }));
    const [referred, accepted, started, completed] = steps.map((step) => step.words);
    const summary = 'Of ' + referred + ' referrals, ' + accepted + ' were accepted, ' + started + ' started going and '
      + completed + ' completed.';
    const title = 'Referred, accepted, started going and completed';
    document.getElementById('funnel').replaceChildren(figure('funnel', title, summary,
      bars('funnel', title, summary, steps, String), steps.filter((step) => step.value === null).map((step) => step.label),
      ...table(report, 'total', 'Referrals at each step', ['Step', 'Referrals'], steps.map((step) => [step.label, step.words]))));

    const rates = document.getElementById('rates');
    rates.replaceChildren();
    const rate = (field, note) => statement(total, field, (share) => App.percent(share) + ' ' + note);
    const slowest = drawable(total, 'p90HoursToDecision');
    [['Acceptance rate', rate('acceptanceRate', 'of the referrals places answered')],
      ['Time to an answer', statement(total, 'medianHoursToDecision', (median) => capital(duration(median)) + ' (median)'
        + (slowest === null ? '' : '; 9 in 10 answered within ' + within(slowest)))],
      ['Attendance rate', rate('attendanceRate', 'of the people accepted went at least once')],
      ['Expired unanswered', rate('expiryRate', 'of the referrals sent')],
      ['Waiting for an answer', referrals(total, 'awaitingAnswer')],
      ['Declined by the place', referrals(total, 'declined')],
      ['Cancelled by the referrer', referrals(total, 'cancelled')],
      ['Stopped going', referrals(total, 'stoppedGoing')]]
      .forEach(([term, value]) => rates.append(App.element('dt', term), App.element('dd', capital(value))));
  }

  function overTime(report) {
    const weekly = report.overTime.interval === 'week';
    const periods = report.overTime.periods;
    const periodName = (key, short) => {
      if (weekly) {
        return (short ? '' : 'week of ') + day(key, { day: 'numeric', month: 'short' });
      }
      return day(key, { month: short ? 'short' : 'long', year: 'numeric' });
    };
    const series = [{ name: 'Acceptance rate', field: 'acceptanceRate' }, { name: 'Attendance rate', field: 'attendanceRate' }];
    const unit = weekly ? 'week' : 'month';
    const described = series.map((one) => {
      const known = periods.filter((period) => drawable(period, one.field) !== null);
      if (!known.length) {
        return one.name + ': no ' + unit + ' has a figure to show.';
      }
      const figures = known.map((period) => period[one.field]);
      const latest = known[known.length - 1];
      return one.name + ': from ' + App.percent(Math.min(...figures)) + ' to ' + App.percent(Math.max(...figures))
        + ' in the ' + known.length + ' of ' + periods.length + ' ' + unit + 's with a figure; '
        + App.percent(latest[one.field]) + ' in the latest (' + periodName(latest.key) + ').';
    });
    const summary = described.join(' ');
    const title = 'Acceptance and attendance rates by ' + unit;
    const leftOut = series.flatMap((one) => periods.filter((period) => held(period, one.field))
      .map((period) => one.name.toLowerCase() + ', ' + periodName(period.key)));
    document.getElementById('over-time').replaceChildren(figure('over-time', title, summary,
      lines('over-time', title, summary, periods, series, periodName), leftOut,
      ...table(report, 'over-time', 'Referrals by ' + unit, [weekly ? 'Week beginning' : 'Month', 'Referred', 'Accepted', 'Started going', 'Acceptance rate', 'Attendance rate'],
        periods.map((period) => [weekly ? day(period.key, { dateStyle: 'medium' }) : periodName(period.key),
          shown(period, 'referred'), shown(period, 'accepted'), shown(period, 'started'),
          shown(period, 'acceptanceRate', App.percent), shown(period, 'attendanceRate', App.percent)]))));
  }

  function timeToAnswer(report) {
    const buckets = report.timeToAnswer.map((bucket) => ({
      label: TIMES_TO_ANSWER[bucket.key] || App.words(bucket.key), value: drawable(bucket, 'count'), words: shown(bucket, 'count')
    }));
    const known = buckets.filter((bucket) => bucket.value !== null && bucket.value > 0);
    const most = known.reduce((best, bucket) => (best === null || bucket.value > best.value ? bucket : best), null);
    const summary = (most ? 'Most often the answer came in ' + most.label.toLowerCase() + ' (' + most.words + ' referrals). '
      : 'No answers to show yet. ') + buckets.map((bucket) => bucket.label + ': ' + bucket.words).join('; ') + '.';
    const title = 'How long places took to answer';
    document.getElementById('time-to-answer').replaceChildren(figure('time-to-answer', title, summary,
      bars('time-to-answer', title, summary, buckets, String), buckets.filter((bucket) => bucket.value === null).map((bucket) => bucket.label),
      ...table(report, 'time-to-answer', 'Referrals answered, by time to the answer', ['Time to an answer', 'Referrals'],
        buckets.map((bucket) => [bucket.label, bucket.words]))));
  }

  const HEADINGS = ['Referred', 'Accepted', 'Started going', 'Completed', 'Acceptance rate', 'Median time to answer', 'Expired unanswered'];

  /** The funnel and its rates for each kind of place, area or district. */
  function rows(summaries, name) {
    return summaries.map((row) => [name(row.key), shown(row, 'referred'), shown(row, 'accepted'), shown(row, 'started'),
      shown(row, 'completed'), shown(row, 'acceptanceRate', App.percent), shown(row, 'medianHoursToDecision', (hours) => capital(duration(hours))),
      shown(row, 'expiryRate', App.percent)]);
  }

  function breakdowns(report) {
    document.getElementById('breakdowns').replaceChildren(
      ...table(report, 'by-place-kind', 'By kind of place', ['Kind of place'].concat(HEADINGS),
        rows(report.byPlaceKind, (key) => (key === 'unknown' ? 'Not known' : App.label('place-kind', key)))),
      ...table(report, 'by-area', 'By postcode area of the place', ['Postcode area'].concat(HEADINGS), rows(report.byArea, place)),
      ...table(report, 'by-place-district', 'By postcode district of the place', ['Postcode district'].concat(HEADINGS),
        rows(report.byPlaceDistrict, place)));
  }

  function personDistricts(report) {
    const districts = report.byPersonDistrict;
    const residents = districts.some((district) => district.population !== null && district.population !== undefined);
    const deprivation = districts.some((district) => district.deprivation);
    const headings = ['Postcode district'].concat(residents ? ['Residents'] : [], ['Referred'], residents ? ['Referred per 10,000 residents'] : [],
      deprivation ? ['Deprivation decile'] : [], ['Accepted', 'Started going', 'Acceptance rate', 'Attendance rate']);
    const tableRows = districts.map((district) => [place(district.key)]
      .concat(residents ? [shown(district, 'population', (people) => people.toLocaleString('en-GB'), 'not known')] : [],
        [shown(district, 'referred')],
        residents ? [shown(district, 'referredPer10000', String, 'not known')] : [],
        deprivation ? [district.deprivation ? String(district.deprivation.imdDecile) : 'not known'] : [],
        [shown(district, 'accepted'), shown(district, 'started'), shown(district, 'acceptanceRate', App.percent),
          shown(district, 'attendanceRate', App.percent)]));
    const notLoaded = [residents ? null : 'residents', deprivation ? null : 'deprivation'].filter(Boolean);
    document.getElementById('person-districts').replaceChildren(
      notLoaded.length ? App.element('p', capital(notLoaded.join(' and ')) + ': not loaded.', 'note') : '',
      ...table(report, 'by-person-district', 'By postcode district of the person referred', headings, tableRows));
  }

  function whyNot(report) {
    const reasons = report.whyNotGoneAhead.filter((reason) => reason.count !== 0);
    document.getElementById('why-not').replaceChildren(...(reasons.length
      ? table(report, 'why-not-gone-ahead', 'Referrals closed short of completion, by reason', ['Ended as', 'Reason', 'Referrals'],
        reasons.map((reason) => [App.label('referral-status', reason.status), App.reason(reason.status, reason.reason), shown(reason, 'count')]))
      : [App.element('p', 'None in this period.')]));
  }

  /** A measure's name, its scale and which way is better. */
  function measureName(change) {
    const measure = MEASURES[change.measure];
    return measure ? measure.name + ', ' + measure.better : App.words(change.measure);
  }

  function outcomes(report) {
    const measured = report.outcomeChange.filter((change) => change.pairs !== 0);
    if (!measured.length) {
      document.getElementById('outcomes').replaceChildren(App.element('p', 'No follow-up scores in this period yet.'));
      return;
    }
    const drawn = measured.filter((change) => MEASURES[change.measure] && drawable(change, 'meanBaseline') !== null
      && drawable(change, 'meanFollowUp') !== null);
    const summary = drawn.length
      ? drawn.map((change) => measureName(change) + ': mean ' + change.meanBaseline + ' before and '
        + change.meanFollowUp + ' after, for ' + shown(change, 'pairs') + ' people; ' + shown(change, 'improved') + ' better, '
        + shown(change, 'unchanged') + ' the same, ' + shown(change, 'worse') + ' worse.').join(' ')
      : 'Too few people have scores before and after to show their means.';
    const title = 'Mean scores before and after';
    document.getElementById('outcomes').replaceChildren(figure('outcomes', title, summary,
      scales('outcomes', title, summary, drawn), measured.filter((change) => !drawn.includes(change)).map(measureName),
      ...table(report, 'outcome-change', 'Scores before and after', ['Measure', 'People with both scores', 'Mean before', 'Mean after', 'Better', 'Same', 'Worse'],
        measured.map((change) => [measureName(change), shown(change, 'pairs'), shown(change, 'meanBaseline'),
          shown(change, 'meanFollowUp'), shown(change, 'improved'), shown(change, 'unchanged'), shown(change, 'worse')]))));
  }

  function show(report) {
    period(report);
    funnel(report);
    overTime(report);
    timeToAnswer(report);
    breakdowns(report);
    personDistricts(report);
    whyNot(report);
    outcomes(report);
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
    const dashboards = await App.api('GET', '/api/dashboards');
    document.getElementById('dashboards').replaceChildren(...dashboards.map((dashboard) => App.make('li', {},
      App.make('a', { href: dashboard.address }, dashboard.name + ' dashboard'), ': ' + dashboard.description)));
    document.getElementById('dashboards-section').hidden = dashboards.length === 0;
  } catch (failure) {
    App.showProblem(problem, failure);
  }
}());
