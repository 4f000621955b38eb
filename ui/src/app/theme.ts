import { createTheme } from '@mui/material';

/**
 * Light and dark, following the system's prefers-color-scheme. Colours that carry text (warning, info chips
 * and links) are dark enough on white, and light enough on the dark paper, for WCAG AA (4.5:1) at small sizes:
 * MUI's default orange (#ed6c02) is 3:1 on white, which is what made the alert chips fail.
 */
export const theme = createTheme({
  colorSchemes: {
    light: {
      palette: {
        primary: { main: '#3a5bd9' },
        success: { main: '#067647', dark: '#05603a', contrastText: '#ffffff' },
        warning: { main: '#b54708', dark: '#93370d', contrastText: '#ffffff' },
        info: { main: '#026aa2', dark: '#065986', contrastText: '#ffffff' },
        error: { main: '#b42318', dark: '#912018', contrastText: '#ffffff' },
        background: { default: '#f4f5f8' },
      },
    },
    dark: {
      palette: {
        primary: { main: '#9db2ff' },
        success: { main: '#47cd89', dark: '#75e0a7', contrastText: '#0c111d' },
        warning: { main: '#fdb022', dark: '#fec84b', contrastText: '#0c111d' },
        info: { main: '#7cd4fd', dark: '#b9e6fe', contrastText: '#0c111d' },
        error: { main: '#f97066', dark: '#fda29b', contrastText: '#0c111d' },
        background: { default: '#0c111d', paper: '#161b26' },
      },
    },
  },
  shape: { borderRadius: 8 },
  typography: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    button: { textTransform: 'none', fontWeight: 600 },
  },
  components: {
    MuiPaper: { defaultProps: { elevation: 0 } },
    // A focus ring that can be seen on every control, for keyboard users only (not on a mouse click).
    MuiCssBaseline: {
      styleOverrides: {
        ':focus-visible': { outline: '3px solid #3a5bd9', outlineOffset: 2 },
        '@media (prefers-color-scheme: dark)': { ':focus-visible': { outlineColor: '#9db2ff' } },
      },
    },
    MuiButtonBase: { defaultProps: { disableRipple: false } },
  },
});
