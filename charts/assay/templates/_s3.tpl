{{/*
The object store: the release's own MinIO (minio.enabled), or any S3-compatible store given by s3.endpoint and
s3.existingSecret. Kept apart from the other helpers so the store's choice is read in one place.
*/}}

{{/* "true" when the store is one of the user's, named in values (not the chart's MinIO, not a runtime Secret of theirs). */}}
{{- define "assay.s3External" -}}
{{- if and (not .Values.minio.enabled) .Values.s3.endpoint (not .Values.runtimeSecret.existingSecret) }}true{{ end }}
{{- end }}

{{/* The endpoint the api and the operator use. */}}
{{- define "assay.s3Endpoint" -}}
{{- if .Values.minio.enabled }}
{{- printf "http://%s.%s.svc:9000" (include "assay.componentName" (dict "root" . "component" "minio")) .Release.Namespace }}
{{- else }}
{{- .Values.s3.endpoint }}
{{- end }}
{{- end }}

{{/*
Environment entries that take the external store's keys from the user's Secret. They come after envFrom of the
runtime Secret and so are the ones the container sees; the runtime Secret does not carry them at all then.
*/}}
{{- define "assay.s3CredentialsEnv" -}}
{{- if include "assay.s3External" . }}
- name: ASSAY_S3_ACCESS_KEY
  valueFrom:
    secretKeyRef:
      name: {{ .Values.s3.existingSecret }}
      key: {{ .Values.s3.existingSecretAccessKeyKey }}
- name: ASSAY_S3_SECRET_KEY
  valueFrom:
    secretKeyRef:
      name: {{ .Values.s3.existingSecret }}
      key: {{ .Values.s3.existingSecretSecretKeyKey }}
{{- end }}
{{- end }}

{{/* Values that cannot work together, failed with what to do. */}}
{{- define "assay.s3Checks" -}}
{{- if and .Values.minio.enabled .Values.s3.endpoint }}
{{- fail "s3.endpoint is set while minio.enabled=true: set minio.enabled=false to use your own S3 store (with s3.existingSecret), or leave s3.endpoint empty for the release's MinIO" }}
{{- end }}
{{- if and (include "assay.s3External" .) (not .Values.s3.existingSecret) }}
{{- fail "s3.endpoint needs s3.existingSecret: a Secret in the release's namespace with the store's access key and secret key (keys s3.existingSecretAccessKeyKey, s3.existingSecretSecretKeyKey)" }}
{{- end }}
{{- end }}
