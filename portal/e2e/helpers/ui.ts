import type { Locator, Page } from 'playwright-core';
import { PASSWORD } from './platform';

/** Signs in on the login page as `<role>@example.com` (the page must show the login form). */
export async function signIn(page: Page, role: string, password = PASSWORD): Promise<void> {
  await page.locator('#identifier').fill(`${role}@example.com`);
  await page.locator('#password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Opens `url` signed in as `role` (through the login page when needed) and waits for the page. */
export async function openAs(page: Page, base: string, role: string, path: string): Promise<void> {
  await page.goto(base + path);
  // the app decides after it loads: the login form (signed out) or the page with its header
  await page.locator('#identifier, [data-testid=current-role]').first().waitFor();
  if (await page.locator('#identifier').isVisible()) {
    expect(new URL(page.url()).searchParams.get('redirect')).toBe(path);
    await signIn(page, role);
  }
  await page.waitForURL((url) => url.pathname === path.split('?')[0]);
  await page.getByTestId('current-role').waitFor();
}

/** Signs out with the header button and waits for the login page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await page.waitForURL((url) => url.pathname === '/login');
}

/** Picks the option titled `title` in the antd Select `select`. */
export async function choose(page: Page, select: Locator, title: string): Promise<void> {
  await select.click();
  // another select's dropdown may still be fading out with the same option: antd marks it *-leave
  await page.locator(`.ant-select-dropdown:visible:not([class*="-leave"]) .ant-select-item-option[title="${title}"]`).click();
}

/** Types a date-time into an antd DatePicker with time and confirms it. */
export async function setDateTime(page: Page, input: Locator, text: string): Promise<void> {
  await input.click();
  await input.fill(text);
  // the previous picker's dropdown may still be fading out: antd marks it *-leave
  await page.locator('.ant-picker-dropdown:visible:not([class*="-leave"]) .ant-picker-ok button').click();
}

/** The shown names of the ticket's photos, in their order. */
export const photoNames = (page: Page) =>
  page.getByTestId('photo-card').evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset.name));

/** The error text RJSF shows under a form field. */
export const fieldError = (page: Page, field: string) => page.locator(`#root_${field}__error`);

/** A form field's input. */
export const field = (page: Page, name: string) => page.locator(`#root_${name}`);

/** The status the ticket page shows. */
export const shownStatus = (page: Page) => page.getByTestId('ticket-card').getByTestId('status-tag').getAttribute('data-status');

/** Drops `files` on `target` the way a file manager does: dragenter, dragover, drop with a DataTransfer. */
export async function dropFiles(page: Page, target: Locator, files: { name: string; type: string; bytes: Buffer }[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    (list) => {
      const transfer = new DataTransfer();
      for (const file of list) {
        const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], file.name, { type: file.type }));
      }
      return transfer;
    },
    files.map((file) => ({ name: file.name, type: file.type, base64: file.bytes.toString('base64') })),
  );
  for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer });
  await dataTransfer.dispose();
}
