import { useState } from 'react';
import type { ClientDetail } from '../../../../shared/ipc/models';
import { useUpdateAutoReload } from '../../api/purchases';
import { useCatalog, useSyncStatus } from '../../api/queries';
import { messageFor } from '../../components/error-message';
import { CheckIcon } from '../../components/icons';
import { Switch } from '../../components/Switch';
import { packName, packsBySize } from '../manual-reload/pack-labels';
import {
  describeAutoReload,
  draftFrom,
  validateDraft,
  type AutoReloadDraft,
  type AutoReloadErrors,
  type AutoReloadField,
} from './auto-reload-form';
import { useAutoReloadDraftStore } from './auto-reload-draft-store';
import './auto-reload.css';

const HEADING_ID = 'auto-reload-heading';
const OFFLINE_ID = 'auto-reload-offline';
const fieldId = (field: AutoReloadField) => `auto-reload-${field}`;
const errorId = (field: AutoReloadField) => `auto-reload-${field}-error`;

function FieldError({ field, errors }: { field: AutoReloadField; errors: AutoReloadErrors }) {
  const message = errors[field];
  return message ? (
    <p id={errorId(field)} className="field__error">
      {message}
    </p>
  ) : null;
}

function invalidProps(field: AutoReloadField, errors: AutoReloadErrors) {
  return errors[field]
    ? { 'aria-invalid': true as const, 'aria-describedby': errorId(field) }
    : { 'aria-describedby': `${fieldId(field)}-hint` };
}

/** Auto Reload for one client: edited as a draft, saved through the billing API, shown as saved. */
export function AutoReloadSection({ client }: { client: ClientDetail }) {
  const catalog = useCatalog();
  const update = useUpdateAutoReload(client.id);
  const draft = useAutoReloadDraftStore((state) => state.drafts[client.id] ?? null);
  const keepDraft = useAutoReloadDraftStore((state) => state.keep);
  const dropDraft = useAutoReloadDraftStore((state) => state.drop);
  const offline = useSyncStatus().data?.state === 'offline';
  const [errors, setErrors] = useState<AutoReloadErrors>({});
  const [savedNote, setSavedNote] = useState(false);
  const values = draft ?? draftFrom(client.autoReload);

  function edit(patch: Partial<AutoReloadDraft>) {
    keepDraft(client.id, { ...values, ...patch });
    setSavedNote(false);
  }

  function discard() {
    dropDraft(client.id);
    setErrors({});
  }

  function save() {
    const result = validateDraft(values);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    update.mutate(result.settings, {
      onSuccess: () => {
        dropDraft(client.id);
        setSavedNote(true);
      },
    });
  }

  const packs = packsBySize(catalog.data?.packs ?? []);
  const dirty = draft !== null;

  return (
    <section className="card card--wide auto-reload" aria-labelledby={HEADING_ID}>
      <div className="card__title-row">
        <div>
          <h2 id={HEADING_ID} className="card__title">
            Auto Reload
          </h2>
          <p className="auto-reload__summary muted">
            <span className={client.autoReload.enabled ? 'dot dot--on' : 'dot'} aria-hidden="true" />
            {describeAutoReload(client.autoReload, packs)}
          </p>
          {dirty && (
            <p className="auto-reload__unsaved" role="status">
              Unsaved changes: {values.enabled ? 'on' : 'off'} after Save
            </p>
          )}
          {offline && (
            <p id={OFFLINE_ID} className="auto-reload__offline">
              Offline — Auto Reload settings need a connection
            </p>
          )}
        </div>
        <Switch
          checked={values.enabled}
          labelledBy={HEADING_ID}
          disabled={offline}
          describedBy={offline ? OFFLINE_ID : undefined}
          onChange={(enabled) => edit({ enabled })}
        />
      </div>
      <form
        className="auto-reload__form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <fieldset className="auto-reload__fields" disabled={!values.enabled || update.isPending || offline}>
          <div className="field">
            <label htmlFor={fieldId('packId')}>Pack</label>
            <select
              id={fieldId('packId')}
              className="input"
              value={values.packId}
              onChange={(event) => edit({ packId: event.target.value })}
              {...invalidProps('packId', errors)}
            >
              <option value="">Choose a pack</option>
              {packs.map((pack) => (
                <option key={pack.id} value={pack.id}>
                  {packName(pack)}
                </option>
              ))}
            </select>
            <p id={`${fieldId('packId')}-hint`} className="field__hint">
              Bought with the saved card each time.
            </p>
            <FieldError field="packId" errors={errors} />
          </div>
          <div className="field">
            <label htmlFor={fieldId('threshold')}>Reload when balance falls below</label>
            <div className="input-suffix">
              <input
                id={fieldId('threshold')}
                className="input num"
                inputMode="numeric"
                value={values.threshold}
                onChange={(event) => edit({ threshold: event.target.value })}
                {...invalidProps('threshold', errors)}
              />
              <span className="input-suffix__text">tokens</span>
            </div>
            <p id={`${fieldId('threshold')}-hint`} className="field__hint">
              Checked whenever usage is recorded.
            </p>
            <FieldError field="threshold" errors={errors} />
          </div>
          <div className="field">
            <label htmlFor={fieldId('monthlyLimit')}>Monthly limit</label>
            <div className="input-suffix">
              <input
                id={fieldId('monthlyLimit')}
                className="input num"
                inputMode="numeric"
                placeholder="No limit"
                value={values.monthlyLimit}
                onChange={(event) => edit({ monthlyLimit: event.target.value })}
                {...invalidProps('monthlyLimit', errors)}
              />
              <span className="input-suffix__text">reloads</span>
            </div>
            <p id={`${fieldId('monthlyLimit')}-hint`} className="field__hint">
              Most reloads per billing cycle. Optional.
            </p>
            <FieldError field="monthlyLimit" errors={errors} />
          </div>
        </fieldset>
        <div className="auto-reload__footer">
          {update.isError && (
            <p className="form-error" role="alert">
              {messageFor(update.error)}
            </p>
          )}
          {savedNote && !dirty && (
            <p className="saved-note" role="status">
              <CheckIcon />
              Saved
            </p>
          )}
          {dirty && (
            <button type="button" className="button button--ghost" onClick={discard}>
              Discard changes
            </button>
          )}
          <button
            type="submit"
            className="button button--primary"
            disabled={!dirty || update.isPending || offline}
          >
            {update.isPending ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </section>
  );
}
