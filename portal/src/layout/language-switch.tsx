import { Button, Tooltip } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useLocale } from '../i18n/locale-provider';

/** One click to the other language (zh-CN ↔ English); the choice is remembered. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useLocale();
  return (
    <Tooltip title={t('app.languageHint')}>
      <Button
        type="text"
        icon={<GlobalOutlined />}
        data-testid="language-switch"
        onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
      >
        {t('app.language')}
      </Button>
    </Tooltip>
  );
}
