import { expect, type Locator, type Page } from '@playwright/test';

/** Where Mantine's Input.Wrapper renders a field's error (every input, PasswordInput, groups). */
const FIELD_ERROR = '.mantine-InputWrapper-error';

/**
 * Every field error visible in `scope` reaches assistive technology: the field whose
 * aria-describedby names it is aria-invalid and has the message in its accessible description;
 * for a checkbox group, the group has the message and each of its boxes is aria-invalid. Fails when
 * no error is visible, so a call where the errors did not appear, or no longer match, cannot pass.
 * Returns the messages it checked, for a caller that expects particular ones.
 */
export async function expectFieldErrorsExposed(scope: Page | Locator): Promise<string[]> {
  const page = 'goto' in scope ? scope : scope.page();
  const errors = scope.locator(`${FIELD_ERROR}:visible`);
  await expect(errors.first(), 'a visible field error').toBeVisible();
  const messages: string[] = [];
  for (const error of await errors.all()) {
    const message = normalise(await error.innerText());
    await expect(error, `the error "${message}" has an id to be referenced by`).toHaveAttribute(
      'id',
      /.+/,
    );
    const id = await error.getAttribute('id');
    const fields = page.locator(`[aria-describedby~="${id}"]`);
    await expect(fields, `one field is described by "${message}"`).toHaveCount(1);
    const description = new RegExp(escape(message));
    const role = await fields.getAttribute('role');
    if (role === 'group' || role === 'radiogroup') {
      await expect(fields).toHaveAccessibleDescription(description);
      const boxes = fields.locator('input:not([type="hidden"])');
      expect(await boxes.count(), `the group with "${message}" has inputs`).toBeGreaterThan(0);
      for (const box of await boxes.all()) {
        await expect(box, `each input of the group with "${message}"`).toHaveAttribute(
          'aria-invalid',
          'true',
        );
      }
    } else {
      await expect(fields, `the field with "${message}"`).toHaveAttribute('aria-invalid', 'true');
      await expect(fields).toHaveAccessibleDescription(description);
    }
    messages.push(message);
  }
  return messages;
}

function normalise(text: string) {
  return text.replace(/\s+/g, ' ').trim();
}

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
