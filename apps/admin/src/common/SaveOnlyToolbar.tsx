import { SaveButton, Toolbar } from 'react-admin';

/** The API deletes nothing, so forms offer only Save (react-admin's default edit toolbar adds Delete). */
export const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);
