// Apart from the engine, so a tablet that is not enrolled can say so without loading it.
export const NOT_ENROLLED_MESSAGE =
  'This tablet is not enrolled for sync, so its changes stay on this tablet only. To share the board with other tablets, enrol it in Settings with a code from your improvement office.'
