'use strict';
(async function () {
  await App.start('/retention.html', ['admin']);
  const problem = document.getElementById('problem');

  // An ISO 8601 period or duration (P7Y, PT6H) in words
  const UNITS = { Y: 'year', M: 'month', W: 'week', D: 'day', H: 'hour', S: 'second' };

  function inWords(iso) {
    const [date, time] = iso.replace(/^P/, '').split('T');
    const parts = [];
    const read = (text, units) => (text || '').replace(/(\d+)([A-Z])/g, (all, amount, unit) => {
      const name = unit === 'M' && units === 'time' ? 'minute' : UNITS[unit];
      parts.push(amount + ' ' + name + (amount === '1' ? '' : 's'));
      return '';
    });
    read(date, 'date');
    read(time, 'time');
    return parts.join(' ') || iso;
  }

  try {
    const report = await App.api('GET', '/api/referrals/retention');
    const period = document.getElementById('period');
    const fact = (term, value) => period.append(App.element('dt', term), App.element('dd', value));
    fact('Kept for', inWords(report.keepFor) + ' after the referral closed');
    fact('Erased next', 'Referrals closed before ' + App.when(report.closedBefore));
    fact('Runs', 'Every ' + inWords(report.checkEvery));
    fact('Checked', App.when(report.checkedAt));
    document.getElementById('count').textContent = report.due === 0 ? 'The next run would erase nothing.'
      : 'The next run would erase the details of ' + report.due + (report.due === 1 ? ' referral.' : ' referrals.');
    const due = document.getElementById('due');
    if (report.due > 0) {
      due.append(
        App.table('By status', ['Status', 'Referrals'],
          Object.entries(report.byStatus).map(([status, count]) => [App.label('referral-status', status), String(count)])),
        App.table('By the year they closed', ['Year', 'Referrals'],
          Object.entries(report.byYearClosed).map(([year, count]) => [year, String(count)])),
        App.table(report.referrals.length < report.due
          ? 'The first ' + report.referrals.length + ' of them, oldest first' : 'Each of them, oldest first',
        ['Reference', 'Status', 'Closed'], report.referrals.map((referral) => [
          App.make('a', { href: '/referral.html?id=' + encodeURIComponent(referral.id) }, referral.id.slice(-6).toUpperCase()),
          App.label('referral-status', referral.status), App.when(referral.closedAt)])));
    }
    document.getElementById('erased').replaceChildren(App.table('Referrals whose details were erased', ['Why', 'Referrals'],
      Object.entries(report.erasedSoFar).map(([reason, count]) => [App.label('erasure-reason', reason), String(count)])));
  } catch (failure) {
    App.showProblem(problem, failure);
  }
}());
