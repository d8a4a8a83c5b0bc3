import '@mantine/core/styles/Tooltip.layer.css';
import { Tooltip } from '@mantine/core';
import { Fragment, memo } from 'react';
import { MISSING, tokenize, valueFor, type DeviceContext } from '@/placeholders/inject';
import classes from '@/placeholders/template-text.module.css';

/**
 * A template as it will be sent: supported placeholders replaced and marked (missing values as
 * `none`), unknown tokens flagged. Its text content is exactly the injected string.
 */
// Memoised: the preview re-renders on every keystroke in the form, and each placeholder here is a
// Tooltip (floating-ui hooks); unchanged header values must not pay for that again.
export const InjectedText = memo(function InjectedText({
  template,
  context,
}: {
  template: string;
  context: DeviceContext;
}) {
  return (
    <>
      {tokenize(template).map((span, index) => {
        if (span.kind === 'text') return <Fragment key={index}>{span.text}</Fragment>;
        if (span.kind === 'placeholder') {
          const value = valueFor(span.name, context);
          const missing = value === MISSING;
          return (
            <Tooltip
              key={index}
              label={
                missing
                  ? `${span.text}: this event has no value, so 1NCE sends “none”`
                  : `${span.text} injected`
              }
            >
              <mark
                className={missing ? classes.missing : classes.injected}
                data-placeholder={span.name}
              >
                {value}
              </mark>
            </Tooltip>
          );
        }
        return (
          <Tooltip
            key={index}
            label={`Unknown placeholder, sent as typed${span.suggestion ? `. Did you mean :${span.suggestion}:?` : ''}`}
          >
            <mark className={classes.unknown} data-unknown={span.name}>
              {span.text}
            </mark>
          </Tooltip>
        );
      })}
    </>
  );
});
