import { CertificateType, StorageMedium } from '@app/contracts';
import { Typography } from '@mui/material';
import { Create, email, RadioButtonGroupInput, required, SimpleForm, TextInput, Labeled } from 'react-admin';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { useNotifyApiError } from '../errors/use-notify-api-error';
import { ApplicantField } from './ApplicantField';
import { MEDIUM_CHOICES } from './application-choices';

/**
 * 臨櫃申請 for the customer the teller came from (their page's "新增申請" fills in the customer and
 * their e-mail); the CN is assigned by the API. Opens the application, where the notice is printed.
 */
const ApplicationCreate = () => {
  const onError = useNotifyApiError();
  return (
    <Create redirect="show" mutationOptions={{ onError }}>
      <SimpleForm toolbar={<SaveOnlyToolbar />} defaultValues={{ medium: StorageMedium.IKEY }}>
        <ApplicantField />
        <Labeled label="resources.applications.fields.certType">
          <Typography variant="body2">{CertificateType.FXML}</Typography>
        </Labeled>
        <RadioButtonGroupInput source="medium" choices={MEDIUM_CHOICES} validate={required()} />
        <TextInput
          source="email"
          type="email"
          validate={[required(), email()]}
          helperText="resources.applications.helpers.email"
        />
      </SimpleForm>
    </Create>
  );
};

export default ApplicationCreate;
