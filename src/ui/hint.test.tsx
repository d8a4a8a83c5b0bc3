import { Button, MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Hint } from '@/ui/hint';

function showHint(onClick: () => void) {
  render(
    <MantineProvider env="test">
      <Hint label="Reloads the list">
        <Button onClick={onClick}>Refresh</Button>
      </Hint>
    </MantineProvider>,
  );
  return screen.getByRole('button', { name: 'Refresh' });
}

describe('Hint', () => {
  it('loads no tooltip until the mouse comes over its element', () => {
    showHint(() => {});
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
  });

  it('shows its label on the first hover, on the same element', async () => {
    const user = userEvent.setup();
    const button = showHint(() => {});
    await user.hover(button);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Reloads the list');
    expect(screen.getByRole('button', { name: 'Refresh' })).toBe(button);
  });

  it('lets a click that follows the first hover at once land', async () => {
    const user = userEvent.setup();
    const onClick = vi.fn();
    await user.click(showHint(onClick));
    expect(onClick).toHaveBeenCalledTimes(1);
  });
});
