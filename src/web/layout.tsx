import type { ComponentChildren } from 'preact';
import { usePage } from './page-context.js';
import type { MessageKey } from './i18n/i18n.js';
import { CsrfField } from './components/index.js';

function NavLink(props: { href: string; label: MessageKey }) {
  const { t, path } = usePage();
  const isCurrent = props.href === '/' ? path === '/' : path === props.href || path.startsWith(`${props.href}/`);
  return (
    <li>
      <a href={props.href} aria-current={isCurrent ? 'page' : undefined}>
        {t(props.label)}
      </a>
    </li>
  );
}

function AccountLinks() {
  const { t, user } = usePage();
  if (!user) {
    return (
      <a class="site-header__account" href="/entrar">
        {t('layout.signIn')}
      </a>
    );
  }
  return (
    <nav class="site-header__account-nav" aria-label={t('layout.accountNav')}>
      {user.isAdmin ? <a href="/admin">{t('layout.admin')}</a> : null}
      {user.hasWork ? <a href="/mi-trabajo">{t('layout.myWork')}</a> : null}
      <a href="/cuenta">{t('layout.account')}</a>
      <form method="post" action="/salir" class="inline-form">
        <CsrfField />
        <button type="submit" class="link-button">
          {t('layout.signOut')}
        </button>
      </form>
    </nav>
  );
}

/** The header's search: a plain GET form to /buscar, so it works without JavaScript. */
function SiteSearch() {
  const { t } = usePage();
  return (
    <div class="site-search">
      <form
        class="container site-search__form"
        method="get"
        action="/buscar"
        role="search"
        aria-label={t('layout.siteSearch')}
      >
        <label for="site-search-q" class="visually-hidden">
          {t('layout.siteSearchLabel')}
        </label>
        <input id="site-search-q" name="q" type="search" maxLength={100} placeholder={t('layout.siteSearch')} />
        <button type="submit" class="site-search__button">
          {t('layout.siteSearchSubmit')}
        </button>
      </form>
    </div>
  );
}

/** The page frame every public page shares: skip link, header, navigation, language switch, footer. */
export function Layout(props: { title: string; children: ComponentChildren }) {
  const page = usePage();
  const { t, locale, header } = page;
  const otherLocale = locale === 'en' ? 'es' : 'en';
  const fullTitle = props.title === page.siteName ? page.siteName : `${props.title} · ${page.siteName}`;
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={t('meta.description')} />
        <link rel="stylesheet" href={page.assets.css} />
        <link rel="stylesheet" href="/theme.css" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <script src={page.assets.js} defer />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('layout.skipLink')}
        </a>
        <header class="site-header">
          <div class="container site-header__inner">
            <div class="site-header__brand">
              <a class="site-header__name" href="/">
                {page.siteName}
              </a>
              {header ? (
                <p class="site-header__exercise">
                  <a href={header.exerciseHref}>{header.exerciseTitle}</a>
                  <span class="site-header__convener">{t('layout.convenedBy', { name: header.convenerName })}</span>
                </p>
              ) : null}
            </div>
            <div class="site-header__tools">
              <AccountLinks />
              <a
                class="site-header__lang"
                href={`${page.path}?lang=${otherLocale}`}
                hrefLang={otherLocale}
                lang={otherLocale}
                aria-label={t('layout.otherLanguageLabel')}
              >
                {t('layout.otherLanguage')}
              </a>
            </div>
          </div>
          <nav class="main-nav" aria-label={t('layout.mainNav')}>
            <ul class="container">
              <NavLink href="/" label="nav.home" />
              <NavLink href="/ejercicios" label="nav.exercises" />
              {page.callHref ? <NavLink href={page.callHref} label="nav.call" /> : null}
              <NavLink href="/datos" label="nav.openData" />
            </ul>
          </nav>
          <SiteSearch />
          {/* Inside the banner landmark, so that nothing on the page is outside a landmark. */}
          {header?.isDemo ? (
            <div class="demo-banner" role="note">
              <p class="container">{t('layout.demoBanner')}</p>
            </div>
          ) : null}
        </header>
        <main id="main" class="container main" tabIndex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <p>{t('layout.footerAbout', { site: page.siteName })}</p>
            <nav aria-label={t('layout.footerLinks')}>
              <ul class="site-footer__links">
                <li>
                  <a href="/privacidad">{t('nav.privacy')}</a>
                </li>
                <li>
                  <a href="/contacto">{t('nav.contact')}</a>
                </li>
                <li>
                  <a href="/datos">{t('nav.openData')}</a>
                </li>
                <li>
                  <a href="/componentes">{t('nav.designSystem')}</a>
                </li>
                <li>
                  <a href="/codigo-fuente">{t('source.title')}</a>
                </li>
              </ul>
            </nav>
            {page.logHead ? (
              <p class="site-footer__small site-footer__head">
                {t('layout.logHead', { seq: String(page.logHead.seq) })}{' '}
                <a href="/datos/historial.json">
                  <code>{page.logHead.hash}</code>
                </a>
              </p>
            ) : null}
            <p class="site-footer__small">{t('layout.poweredBy')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
