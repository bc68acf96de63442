import { createSpaceSchema } from '@twofold/shared';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form-alert.tsx';
import { TextField } from '@/components/text-field.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useCreateSpace } from '@/features/spaces/api/create-space.ts';

interface Props {
  /** Suggested name, for example "Alex & …". */
  placeholder: string;
  onCreated: (spaceId: string) => void;
}

/** Names and creates the space the two partners will share. */
export function CreateSpaceForm({ placeholder, onCreated }: Props) {
  const createSpace = useCreateSpace();
  const [error, setError] = useState<string>();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '');
    const parsed = createSpaceSchema.safeParse({ name });
    if (!parsed.success) {
      setError('Give your space a name. Your two names work well.');
      event.currentTarget.querySelector('input')?.focus();
      return;
    }
    setError(undefined);
    createSpace.mutate(parsed.data, { onSuccess: ({ space }) => onCreated(space.id) });
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormAlert>{createSpace.isError && apiErrorInfo(createSpace.error).message}</FormAlert>
      <TextField
        label="Name of your space"
        name="name"
        autoComplete="off"
        placeholder={placeholder}
        maxLength={80}
        required
        error={error}
      />
      <button type="submit" className="button button--primary button--wide" disabled={createSpace.isPending}>
        {createSpace.isPending ? 'Creating…' : 'Create space'}
      </button>
    </form>
  );
}
