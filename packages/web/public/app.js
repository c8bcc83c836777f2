// Placeholder page until the full web app lands: sign in, first-start bootstrap, TOTP enrolment.
const strings = {
  vi: {
    tagline: 'Đầu mối liên lạc 24/7 — Công ước Hà Nội', placeholder: 'Trang tạm thời: ứng dụng đầy đủ cho cán bộ trực 24/7 sẽ có sau.',
    signin: 'Đăng nhập', username: 'Tên đăng nhập', password: 'Mật khẩu', totp: 'Mã xác thực 6 số',
    firstStart: 'Khởi động lần đầu (tạo quản trị viên)', bootstrapToken: 'Mã khởi tạo một lần', displayName: 'Họ và tên',
    newPassword: 'Mật khẩu mới (ít nhất 12 ký tự)', createAdmin: 'Tạo quản trị viên', enrolTitle: 'Thiết lập xác thực hai yếu tố',
    enrolHelp: 'Thêm khóa bí mật này vào ứng dụng xác thực, rồi nhập mã 6 số.', confirm: 'Xác nhận', welcome: 'Đã đăng nhập',
    apiDocs: 'Tài liệu API', signout: 'Đăng xuất', adminCreated: 'Đã tạo quản trị viên. Hãy đăng nhập.',
    node: 'Nút', roles: 'Vai trò', user: 'Người dùng', switchTo: 'English',
  },
  en: {
    tagline: '24/7 point of contact — Hanoi Convention', placeholder: 'Placeholder page: the full 24/7 desk app comes later.',
    signin: 'Sign in', username: 'Username', password: 'Password', totp: '6-digit authentication code',
    firstStart: 'First start (create the administrator)', bootstrapToken: 'One-time bootstrap token', displayName: 'Full name',
    newPassword: 'New password (at least 12 characters)', createAdmin: 'Create administrator', enrolTitle: 'Set up two-factor authentication',
    enrolHelp: 'Add this secret to your authenticator app, then enter the 6-digit code.', confirm: 'Confirm', welcome: 'Signed in',
    apiDocs: 'API documentation', signout: 'Sign out', adminCreated: 'Administrator created. Now sign in.',
    node: 'Node', roles: 'Roles', user: 'User', switchTo: 'Tiếng Việt',
  },
};
let lang = localStorage.getItem('lang') === 'en' ? 'en' : 'vi';
let csrfToken = null;
let enrolmentToken = null;
const $ = (id) => document.getElementById(id);
const t = (key) => strings[lang][key] ?? key;

function render() {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  $('lang').textContent = t('switchTo');
}
function show(id) {
  for (const section of ['signin', 'enrol', 'home']) $(section).hidden = section !== id;
}
function say(text) { $('message').textContent = text ?? ''; }

async function api(method, path, body) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken && method !== 'GET') headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  const data = response.status === 204 ? null : await response.json();
  if (!response.ok) throw new Error(`${data?.detail ?? response.statusText} (${data?.code ?? response.status})`);
  return data;
}
const formData = (form) => Object.fromEntries([...new FormData(form)].filter(([, v]) => v !== ''));

async function showHome() {
  const session = await api('GET', '/api/v1/auth/session');
  csrfToken = session.csrfToken;
  const who = $('who');
  who.replaceChildren();
  const add = (term, value) => { const dt = document.createElement('dt'); dt.textContent = term; const dd = document.createElement('dd'); dd.textContent = value; who.append(dt, dd); };
  add(t('user'), session.user.username);
  add(t('roles'), session.user.roles.join(', '));
  if (session.permissions.includes('node:read')) {
    const node = await api('GET', '/api/v1/node');
    add(t('node'), `${node.name} (${node.country}) · ${node.keys.find((k) => !k.retiredAt)?.signing.fingerprint ?? ''}`);
  }
  show('home');
}

function afterSignIn(result) {
  if (result.status === 'totp-enrolment-required') {
    enrolmentToken = result.enrolmentToken;
    $('enrol-secret').textContent = result.secret;
    $('enrol-uri').textContent = result.otpauthUri;
    show('enrol');
    return;
  }
  csrfToken = result.csrfToken;
  return showHome();
}

$('lang').addEventListener('click', () => {
  lang = lang === 'vi' ? 'en' : 'vi';
  localStorage.setItem('lang', lang);
  render();
  if (!$('home').hidden) showHome().catch(() => show('signin'));
});
$('signin-form').addEventListener('submit', (event) => {
  event.preventDefault(); say('');
  api('POST', '/api/v1/auth/login', formData(event.target)).then(afterSignIn).catch((e) => say(e.message));
});
$('enrol-form').addEventListener('submit', (event) => {
  event.preventDefault(); say('');
  api('POST', '/api/v1/auth/totp/enrol', { enrolmentToken, totpCode: formData(event.target).totpCode }).then(afterSignIn).catch((e) => say(e.message));
});
$('bootstrap-form').addEventListener('submit', (event) => {
  event.preventDefault(); say('');
  api('POST', '/api/v1/bootstrap', formData(event.target)).then(() => say(t('adminCreated'))).catch((e) => say(e.message));
});
$('logout').addEventListener('click', () => {
  api('POST', '/api/v1/auth/logout').catch(() => undefined).finally(() => { csrfToken = null; show('signin'); });
});

render();
showHome().catch(() => show('signin'));
