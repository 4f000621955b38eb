{{/*
The api's metadata database and sign-in settings (docs/metadata.md, docs/rest-api.md). Kept apart from api.yaml
so that chart changes elsewhere and these meet in one line of it.
*/}}
{{- define "assay.postgresqlSecretName" -}}
{{- .Values.postgresql.auth.existingSecret | default (include "assay.componentName" (dict "root" . "component" "postgresql")) }}
{{- end }}

{{- define "assay.oidcSecretName" -}}
{{- .Values.auth.oidc.existingSecret | default (include "assay.componentName" (dict "root" . "component" "oidc")) }}
{{- end }}

{{- define "assay.metadataEnv" -}}
{{- $pg := .Values.postgresql }}
{{- if $pg.enabled }}
- name: ASSAY_DATABASE_URL
  value: {{ printf "jdbc:postgresql://%s.%s.svc:5432/%s" (include "assay.componentName" (dict "root" . "component" "postgresql")) .Release.Namespace $pg.auth.database | quote }}
- name: ASSAY_DATABASE_USERNAME
  value: {{ $pg.auth.username | quote }}
- name: ASSAY_DATABASE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "assay.postgresqlSecretName" . }}
      key: {{ ternary $pg.auth.existingSecretPasswordKey "postgres-password" (not (empty $pg.auth.existingSecret)) }}
{{- else }}
{{- if not $pg.external.url }}
{{- fail "postgresql.enabled=false: give postgresql.external.url (jdbc:postgresql://host:5432/db), .username and .existingSecret" }}
{{- end }}
- name: ASSAY_DATABASE_URL
  value: {{ $pg.external.url | quote }}
- name: ASSAY_DATABASE_USERNAME
  value: {{ $pg.external.username | quote }}
{{- with $pg.external.existingSecret }}
- name: ASSAY_DATABASE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $pg.external.existingSecretPasswordKey }}
{{- end }}
{{- end }}
- name: ASSAY_DATABASE_LEGACY_OWNER
  value: {{ $pg.legacyOwner | quote }}
- name: ASSAY_DATABASE_LEGACY_TEAM
  value: {{ $pg.legacyTeam | default .Release.Namespace | quote }}
{{- $oidc := .Values.auth.oidc }}
- name: ASSAY_AUTH_MODE
  value: {{ .Values.auth.mode | quote }}
{{- if eq .Values.auth.mode "oidc" }}
{{- if not (and $oidc.issuer $oidc.clientId) }}
{{- fail "auth.mode=oidc: give auth.oidc.issuer and auth.oidc.clientId (and the client secret)" }}
{{- end }}
- name: ASSAY_AUTH_ISSUER
  value: {{ $oidc.issuer | quote }}
- name: ASSAY_AUTH_CLIENT_ID
  value: {{ $oidc.clientId | quote }}
- name: ASSAY_AUTH_CLIENT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ include "assay.oidcSecretName" . }}
      key: {{ ternary $oidc.existingSecretKey "client-secret" (not (empty $oidc.existingSecret)) }}
- name: ASSAY_AUTH_AUDIENCE
  value: {{ $oidc.audience | quote }}
- name: ASSAY_AUTH_USERNAME_CLAIM
  value: {{ $oidc.usernameClaim | quote }}
- name: ASSAY_AUTH_GROUPS_CLAIM
  value: {{ $oidc.groupsClaim | quote }}
- name: ASSAY_AUTH_ADMIN_GROUP
  value: {{ $oidc.adminGroup | quote }}
{{- end }}
{{- end }}
