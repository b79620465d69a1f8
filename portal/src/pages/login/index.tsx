import { useEffect, useRef } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Form, Input, Space, Spin } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { isApiError } from '../../api/api-error';
import { useLoggedIn } from '../../auth/use-session';
import { useLocale } from '../../i18n/locale-provider';
import { LanguageSwitch } from '../../layout/language-switch';
import { safeRedirect, useLogin } from './service';
import { ssoErrorKey, ssoLoginHref, useSsoConfig, useSsoHandover } from './sso';

interface Credentials {
  identifier: string;
  password: string;
}

const FRAME = { width: 380, maxWidth: 'calc(100vw - 16px)', background: '#fff', borderRadius: 8, border: '1px solid #f0f0f0' } as const;
const FRAME_HEADER = {
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'space-between',
  padding: '12px 24px',
  borderBottom: '1px solid #f0f0f0',
} as const;

/**
 * The sign-in page; afterwards the user lands on the page remembered in `?redirect=`. With
 * single sign-on configured it offers the IdP too, and finishes an SSO sign-in: the CMS's
 * callback lands here with a one-time `?ssoCode=` (traded for the tokens by POST, so no token
 * is ever in a URL) or an `?ssoError=`.
 */
export default function LoginPage() {
  const { t, locale } = useLocale();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const loggedIn = useLoggedIn();
  const login = useLogin();
  const sso = useSsoConfig().data;
  const handover = useSsoHandover();
  const redirect = safeRedirect(params.get('redirect'));
  const ssoCode = params.get('ssoCode');
  const ssoError = params.get('ssoError') ?? (handover.isError ? 'handover' : null);

  // once per code: React's strict mode runs effects twice, and a code works a single time
  const tradedCode = useRef<string | null>(null);
  useEffect(() => {
    if (!ssoCode || tradedCode.current === ssoCode) return;
    tradedCode.current = ssoCode;
    handover.mutate(ssoCode, { onSuccess: ({ redirect: to }) => navigate(safeRedirect(to), { replace: true }) });
  }, [ssoCode, handover, navigate]);

  if (ssoCode && !handover.isError) {
    return (
      <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }} data-testid="sso-handover">
        <Spin size="large" description={t('login.ssoSigningIn')}>
          <div style={{ padding: 48 }} />
        </Spin>
      </div>
    );
  }
  if (loggedIn && !login.isPending) return <Navigate to={redirect} replace />;

  const submit = (values: Credentials) => {
    if (login.isPending) return; // a slow answer must not send the password twice
    login.mutate(values, { onSuccess: () => navigate(redirect, { replace: true }) });
  };
  const error = login.error;
  let errorText: string | null = null;
  if (isApiError(error, 'http', 429)) {
    errorText = t('login.tooMany', { seconds: String((error.details.retryAfter as number | undefined) ?? 60) });
  } else if (isApiError(error, 'http')) errorText = t('login.failed', { message: error.message });

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f3f5f8' }}>
      {/* a plain frame, not antd's Card or Typography: those bring tabs, menus and tooltips into the first screen */}
      <section style={FRAME}>
        <header style={FRAME_HEADER}>
          <strong>{t('app.title')}</strong>
          <LanguageSwitch />
        </header>
        <Space orientation="vertical" size="middle" style={{ width: '100%', padding: 24 }}>
          <h1 style={{ margin: 0, fontSize: 20, fontWeight: 600 }}>{t('login.title')}</h1>
          {params.get('expired') && <Alert type="warning" showIcon title={t('login.expired')} data-testid="session-expired" />}
          {errorText && <Alert type="error" showIcon title={errorText} data-testid="login-error" />}
          {ssoError && (
            <Alert type="error" showIcon title={t('login.ssoFailed', { reason: t(ssoErrorKey(ssoError)) })} data-testid="sso-error" />
          )}
          {sso?.enabled && sso.label && (
            <Button block size="large" href={ssoLoginHref(redirect)} data-testid="sso-login">
              {sso.label[locale]}
            </Button>
          )}
          {sso?.enabled && sso.localLogin && <div style={{ textAlign: 'center', color: '#8c8c8c' }}>{t('login.or')}</div>}
          {sso?.localLogin !== false && (
            <Form<Credentials> layout="vertical" onFinish={submit} disabled={login.isPending} requiredMark={false}>
              <Form.Item
                name="identifier"
                label={t('login.identifier')}
                rules={[{ required: true, message: t('login.required', { field: t('login.identifier') }) }]}
              >
                <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
              </Form.Item>
              <Form.Item
                name="password"
                label={t('login.password')}
                rules={[{ required: true, message: t('login.required', { field: t('login.password') }) }]}
              >
                <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
                {t('login.submit')}
              </Button>
            </Form>
          )}
        </Space>
      </section>
    </div>
  );
}
