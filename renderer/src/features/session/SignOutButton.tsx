import { useSignOut } from '../../api/mutations';
import { LogOutIcon } from '../../components/icons';

export function SignOutButton() {
  const signOut = useSignOut();
  return (
    <button
      type="button"
      className="button button--ghost button--sm"
      onClick={() => signOut.mutate()}
      disabled={signOut.isPending}
    >
      <LogOutIcon />
      Sign out
    </button>
  );
}
