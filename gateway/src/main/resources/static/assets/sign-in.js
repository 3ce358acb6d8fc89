'use strict';
// The sign-in page: a password, or a provider where one is configured. The CSRF token comes
// from the cookie the gateway set with this page.
(function () {
  const form = document.getElementById('sign-in');
  const problem = document.getElementById('problem');
  const message = document.getElementById('message');
  const query = new URLSearchParams(window.location.search);

  if (query.has('signed-out')) {
    message.textContent = 'You have signed out.';
  } else if (query.has('refused')) {
    showProblem('Your organisation did not let you in to Community places. Ask your administrator for a role.');
  }

  fetch('/sign-in/providers', { headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : []))
    .then((providers) => {
      if (providers.length === 0) {
        return;
      }
      const list = document.getElementById('provider-list');
      providers.forEach((provider) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = provider.signInAddress;
        link.textContent = 'Sign in with ' + provider.name;
        item.appendChild(link);
        list.appendChild(item);
      });
      document.getElementById('providers').hidden = false;
    });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    problem.hidden = true;
    if (!form.username.value || !form.password.value) {
      showProblem('Enter your username and password.');
      (form.username.value ? form.password : form.username).focus();
      return;
    }
    document.getElementById('csrf').value = csrfToken();
    fetch('/sign-in', {
      method: 'POST',
      body: new URLSearchParams(new FormData(form)),
      headers: { Accept: 'application/json' },
      credentials: 'same-origin'
    }).then((response) => {
      if (response.ok) {
        window.location.assign(nextPage());
        return;
      }
      return response.json().then((answer) => showProblem(answer.detail || 'You could not be signed in.'));
    }).catch(() => showProblem('Community places cannot be reached. Check your connection and try again.'));
  });

  function showProblem(text) {
    problem.textContent = text;
    problem.hidden = false;
  }

  function csrfToken() {
    const cookie = document.cookie.split('; ').find((part) => part.startsWith('XSRF-TOKEN='));
    return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
  }

  // Only a page of this site: never somewhere a crafted link names
  function nextPage() {
    const then = query.get('then');
    return then && then.startsWith('/') && !then.startsWith('//') ? then : '/';
  }
}());
