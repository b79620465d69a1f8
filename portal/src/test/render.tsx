import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { LocaleProvider } from '../i18n/locale-provider';

/** Renders `ui` inside the providers every component of the portal expects (language, antd's App). */
export function renderWithProviders(ui: ReactElement) {
  return render(
    <LocaleProvider>
      <AntApp>{ui}</AntApp>
    </LocaleProvider>,
  );
}
