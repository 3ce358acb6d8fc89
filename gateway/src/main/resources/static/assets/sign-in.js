'use strict';
// The sign-in page: a password, or a provider where one is configured. The CSRF token comes
// from the cookie the gateway set with this page.
(function () {
  const problem = document.getElementById('problem');
  const query = new URLSearchParams(window.location.search);
  const form = App.form({ id: 'sign-in', method: 'post', action: '/sign-in', noValidate: true }, [
    App.input({ type: 'hidden', name: '_csrf', id: 'csrf' }),
    App.field('Username', App.input({ id: 'username', name: 'username', autocomplete: 'username', autocapitalize: 'none', spellcheck: false, required: true })),
    App.field('Password', App.input({ id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true })),
    App.make('p', {}, App.button('Sign in'))
  ], signIn);
  problem.after(form);

  // Why a provider's sign-in was refused, by the reason the gateway gives
  const REFUSALS = {
    'no-role': 'Your organisation did not let you in to Community places. Ask your administrator for a role.',
    'many-roles': 'You have more than one role in Community places. Ask your administrator to keep one.',
    'unverified-email': 'Your organisation has not confirmed your e-mail address. Ask your administrator to verify it, then sign in again.',
    organisation: 'Your organisation did not say which organisation you work for, or not as an organisation code (ODS code). Ask your administrator.'
  };

  if (query.has('signed-out')) {
    document.getElementById('message').textContent = 'You have signed out.';
  } else if (query.has('refused')) {
    App.showProblem(problem, { detail: REFUSALS[query.get('refused')] || REFUSALS['no-role'] });
  }

  App.api('GET', '/sign-in/providers')
    .catch(() => [])
    .then((providers) => {
      if (providers.length === 0) {
        return;
      }
      document.getElementById('provider-list').replaceChildren(...providers.map((provider) =>
        App.make('li', {}, App.make('a', { href: provider.signInAddress }, 'Sign in with ' + provider.name))));
      document.getElementById('providers').hidden = false;
    });

  function signIn() {
    problem.hidden = true;
    if (!form.username.value || !form.password.value) {
      App.showProblem(problem, { detail: 'Enter your username and password.' });
      (form.username.value ? form.password : form.username).focus();
      return;
    }
    form._csrf.value = App.csrfToken();
    const sent = new URLSearchParams(new FormData(form));
    // The gateway answers with the page to go on to: the one asked for only if it is a page of this site
    sent.set('then', query.get('then') || '/');
    fetch('/sign-in', {
      method: 'POST',
      body: sent,
      headers: { Accept: 'application/json' },
      credentials: 'same-origin'
    }).then((response) => {
      if (response.ok) {
        return response.json().then((answer) => window.location.assign(answer.then || '/'));
      }
      return response.json().then((answer) => App.showProblem(problem, { detail: answer.detail || 'You could not be signed in.' }));
    }).catch(() => App.showProblem(problem, App.UNREACHABLE));
  }
}());
