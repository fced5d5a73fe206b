/** who is asking, as far as the transport knows (the Node adapter fills it in; a Worker may from cf-connecting-ip) */
export interface ClientInfo {
  /** the peer's IP address */
  address?: string;
}
